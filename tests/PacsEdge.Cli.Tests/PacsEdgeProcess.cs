using PacsEdge.Testing;

namespace PacsEdge.Cli.Tests;

/// <summary>Runs the real `pacsedge` command (the built pacsedge.dll next to the tests) as a process.</summary>
public static class PacsEdgeProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "pacsedge.dll");

    public static ExternalTool.Result Run(params string[] arguments) =>
        ExternalTool.Run("dotnet", ["exec", Dll, .. arguments], timeoutMs: 120_000);
}
