using System.CommandLine;

namespace PacsEdge.Cli.Commands;

/// <summary>The root command and its verbs; each verb lives in its own file.</summary>
public static class PacsEdgeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PacsEdge: an on-premises mini-PACS with in-browser AI");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(DumpCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        ServeCommand.AddTo(root); // `pacsedge` with no verb runs the server
        return root;
    }
}
