namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// Walks a folder for Part 10 files: a file counts as DICOM when it has "DICM" at byte 128 (PS3.10 7.1); anything
/// else (READMEs, thumbnails, DICOMDIR-less raw data sets) is skipped and counted. Paths are sorted so runs repeat.
/// </summary>
public static class DicomFolderScanner
{
    public sealed record Scan(IReadOnlyList<string> DicomFiles, int SkippedNotDicom, IReadOnlyList<ImportOutcome> Unreadable);

    public static Scan Run(string folder, bool recursive)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = new List<string>();
        var unreadable = new List<ImportOutcome>();
        int skipped = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal))
        {
            try
            {
                if (HasDicmPrefix(path)) files.Add(path);
                else skipped++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new ImportOutcome(path, ImportStatus.Failed, e.Message));
            }
        }
        return new Scan(files, skipped, unreadable);
    }

    public static bool HasDicmPrefix(string path)
    {
        Span<byte> head = stackalloc byte[132];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        int read = 0, n;
        while (read < head.Length && (n = file.Read(head[read..])) > 0) read += n;
        return read == head.Length && head[128..].SequenceEqual("DICM"u8);
    }
}
