using PacsEdge.Cli.Commands;

// `pacsedge <verb> ...`: thin verbs over the libraries (DESIGN.md). `pacsedge` alone is `pacsedge serve`.
return PacsEdgeCommandLine.Build().Parse(args).Invoke();
