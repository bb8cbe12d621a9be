using System.Text.Json;
using System.Text.RegularExpressions;

namespace PacsEdge.Server.Tests.Support;

/// <summary>A Dockerfile's instructions (continuation lines joined, comments dropped) and their exec-form arguments.</summary>
public sealed class Dockerfile
{
    public List<(string Instruction, string Arguments)> Instructions { get; } = [];

    public static Dockerfile Read(string path)
    {
        var file = new Dockerfile();
        var joined = Regex.Replace(File.ReadAllText(path), @"\\\r?\n", " ");
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var space = line.IndexOf(' ');
            file.Instructions.Add((line[..space].ToUpperInvariant(), line[(space + 1)..].Trim()));
        }
        return file;
    }

    /// <summary>The instructions after the last FROM: what the running image is made of.</summary>
    public IEnumerable<(string Instruction, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.FindLastIndex(i => i.Instruction == "FROM"));

    public string Single(string instruction) => FinalStage.Single(i => i.Instruction == instruction).Arguments;

    /// <summary>An exec-form argument list (JSON array), as ENTRYPOINT, CMD and HEALTHCHECK CMD must use.</summary>
    public static string[] ExecForm(string arguments) => JsonSerializer.Deserialize<string[]>(arguments)!;
}
