using PacsEdge.Dicom;
namespace PacsEdge.Testing;

/// <summary>Finds the repository root (the folder with PacsEdge.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PacsEdge.sln"))) return dir.FullName;
        throw new InvalidOperationException("PacsEdge.sln not found above " + AppContext.BaseDirectory);
    }
}
