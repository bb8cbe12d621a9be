using PacsEdge.Dicom.Dataset;

namespace PacsEdge.Dicom.Dump;

/// <summary>
/// A text dump of a file or data set in dcmdump's line format (what `pacsedge dump FILE` prints):
/// the "# Dicom-File-Format" header, the meta group, the data set, one line per element, sequences
/// and items indented with their delimitation lines, encapsulated pixel data as "pi" items.
/// Lengths are the ones stored in the file. Lines end with "\n" on every platform, as dcmdump's do.
/// </summary>
public static class DicomTextDumper
{
    public static void Write(TextWriter writer, DicomFile file, DicomDumpOptions? options = null)
    {
        options ??= DicomDumpOptions.Default;
        writer.Write("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n");
        // dcmdump names the meta group's encoding only when there is one to read.
        string metaSyntax = file.FileMetaInformation.Count > 0
            ? DumpTransferSyntaxNames.Of(TransferSyntax.ExplicitVRLittleEndian) : DumpTransferSyntaxNames.Unknown;
        writer.Write($"# Used TransferSyntax: {metaSyntax}\n");
        new DumpWalker(writer, options, implicitVR: false).Dataset(file.FileMetaInformation, 0);
        writer.Write($"\n# Dicom-Data-Set\n# Used TransferSyntax: {DumpTransferSyntaxNames.Of(file.TransferSyntax)}\n");
        new DumpWalker(writer, options, !file.TransferSyntax.IsExplicitVR).Dataset(file.Dataset, 0);
    }

    /// <summary>The elements of a data set alone, as dcmdump prints a data set's body.</summary>
    public static void Write(TextWriter writer, DicomDataset dataset, DicomDumpOptions? options = null, bool implicitVR = false) =>
        new DumpWalker(writer, options ?? DicomDumpOptions.Default, implicitVR).Dataset(dataset, 0);

    public static string ToString(DicomFile file, DicomDumpOptions? options = null)
    {
        using var writer = new StringWriter();
        Write(writer, file, options);
        return writer.ToString();
    }
}
