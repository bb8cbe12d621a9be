using System.CommandLine;

namespace PacsEdge.Cli.Commands;

/// <summary>The root command and its verbs; each verb lives in its own file.</summary>
public static class PacsEdgeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("PacsEdge: an on-premises mini-PACS with in-browser AI");
        root.Subcommands.Add(DumpCommand.Create());
        return root;
    }
}
