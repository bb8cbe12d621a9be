using PacsEdge.Cli.Commands;

// `pacsedge <verb> ...`: thin verbs over the libraries (DESIGN.md). Later issues add serve, import, demo...
return PacsEdgeCommandLine.Build().Parse(args).Invoke();
