using System.CommandLine;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dump;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Json;

namespace PacsEdge.Cli.Commands;

/// <summary>
/// `pacsedge dump FILE [--json]`: the data set as text in dcmdump's line format, or as DICOM JSON
/// (PS3.18 Annex F) with bulk values inline (InlineBinary) or as BulkDataURI references.
/// </summary>
public static class DumpCommand
{
    /// <summary>Values at least this long stay in the file while reading, so a 2 GB file never sits in memory.</summary>
    private const long LazyReadThreshold = 1 << 20;

    public sealed record Settings(
        bool Json, bool PrintAll, bool NoUidNames, bool RawText,
        long? BulkDataThreshold, string? BulkDataUriBase, bool Compact, bool IncludeMeta);

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "DICOM file (Part 10, or a bare data set)" };
        var json = new Option<bool>("--json") { Description = "print DICOM JSON (PS3.18 Annex F) instead of text" };
        var printAll = new Option<bool>("--print-all") { Description = "text: print long values in full (dcmdump +L)" };
        var noUidNames = new Option<bool>("--no-uid-names") { Description = "text: print UIDs as numbers, not =Names (dcmdump -Un)" };
        var rawText = new Option<bool>("--raw-text") { Description = "text: print text bytes as stored (Latin-1), not decoded by Specific Character Set" };
        var threshold = new Option<long?>("--bulk-data-threshold") { Description = "JSON: binary values of at least this many bytes become BulkDataURI (default: all InlineBinary)" };
        var uriBase = new Option<string?>("--bulk-data-uri-base") { Description = "JSON: base of each BulkDataURI, followed by /bulkdata/{tag path} (default: the file's file:// URI)" };
        var compact = new Option<bool>("--compact") { Description = "JSON: no indentation" };
        var meta = new Option<bool>("--meta") { Description = "JSON: include the file meta group (0002,xxxx), as dcm2json +m" };
        var command = new Command("dump", "Print a DICOM file's data set as text (dcmdump format) or DICOM JSON")
        {
            file, json, printAll, noUidNames, rawText, threshold, uriBase, compact, meta,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings(parse.GetValue(json), parse.GetValue(printAll), parse.GetValue(noUidNames),
                parse.GetValue(rawText), parse.GetValue(threshold), parse.GetValue(uriBase), parse.GetValue(compact), parse.GetValue(meta));
            using var stdout = Console.OpenStandardOutput();
            return Run(parse.GetValue(file)!, settings, stdout, Console.Error);
        });
        return command;
    }

    public static int Run(FileInfo file, Settings settings, Stream output, TextWriter error)
    {
        if (settings.BulkDataThreshold is < 0) return CliErrors.Fail(error, "--bulk-data-threshold", "must be zero or more");
        try
        {
            var dicom = DicomFileReader.Read(file.FullName, new DicomReaderOptions { LazyValueThreshold = LazyReadThreshold });
            if (settings.Json)
            {
                DicomJsonWriter.Write(output, dicom, JsonOptions(file, settings));
                output.WriteByte((byte)'\n');
            }
            else WriteText(output, dicom, settings);
            output.Flush();
            return CliErrors.Ok;
        }
        catch (DicomFormatException e) { return CliErrors.Fail(error, file.Name, e.Message); }
        catch (IOException e) { return CliErrors.Fail(error, file.Name, e.Message); }
        catch (UnauthorizedAccessException e) { return CliErrors.Fail(error, file.Name, e.Message); }
    }

    private static void WriteText(Stream output, DicomFile dicom, Settings settings)
    {
        var options = new DicomDumpOptions
        {
            PrintAllValues = settings.PrintAll,
            MapUidNames = !settings.NoUidNames,
            DecodeCharacterSet = !settings.RawText,
        };
        // Raw text maps each byte to the character with that code, so Latin-1 gives the stored bytes back.
        var encoding = settings.RawText ? System.Text.Encoding.Latin1 : new System.Text.UTF8Encoding(false);
        using var writer = new StreamWriter(output, encoding, 64 * 1024, leaveOpen: true);
        DicomTextDumper.Write(writer, dicom, options);
    }

    private static DicomJsonWriterOptions JsonOptions(FileInfo file, Settings settings)
    {
        var options = new DicomJsonWriterOptions { Indented = !settings.Compact, IncludeFileMetaInformation = settings.IncludeMeta };
        if (settings.BulkDataThreshold is not { } threshold) return options;
        var uriBase = (settings.BulkDataUriBase ?? new Uri(file.FullName).AbsoluteUri).TrimEnd('/');
        return options with
        {
            BulkDataThreshold = threshold,
            BulkDataUri = bulk => $"{uriBase}/bulkdata/{bulk.Path.ToUriPath()}",
        };
    }
}
