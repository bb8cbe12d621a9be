using PacsEdge.Dicom;
using Xunit;
namespace PacsEdge.Testing;

/// <summary>
/// The external test corpus: every file under Debian python3-pydicom's data/test_files and
/// data/charset_files (files nobody on this project wrote). .ci/run installs the package.
/// </summary>
public static class CorpusFiles
{
    public const string Root = "/usr/lib/python3/dist-packages/pydicom/data";

    public static IReadOnlyList<string> All { get; } = Enumerate();

    /// <summary>Paths relative to <see cref="Root"/>, for xUnit theory data.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in All) data.Add(Path.GetRelativePath(Root, f));
        return data;
    }

    public static string PathOf(string name) => Path.Combine(Root, name);

    private static string[] Enumerate()
    {
        if (!Directory.Exists(Root))
            throw new InvalidOperationException($"{Root} is missing: install Debian's python3-pydicom (see .ci/run)");
        return new[] { "test_files", "charset_files" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
