using System.CommandLine;
using PacsEdge.Cli.Commands.Import;
using PacsEdge.Dicom.IO;
using PacsEdge.Phantom;

namespace PacsEdge.Cli.Commands;

/// <summary>
/// `pacsedge demo [--server URL | --data DIR]`: one synthetic chest CT study (120 axial slices of 256 x 256,
/// 2.5 mm) through the same path as import, so a new user has something to look at. The seed is fixed, so the
/// UIDs and bytes repeat and a second run reports the slices as already stored.
/// </summary>
public static class DemoCommand
{
    public static readonly SyntheticCtOptions Study = new() { Seed = 1, Slices = 120, Rows = 256, Columns = 256, SliceThickness = 2.5 };

    public static Command Create()
    {
        var destination = new ImportDestination();
        var command = new Command("demo", "Store a synthetic chest CT study (the same one every time), offline (--data) or through a running server (--server)");
        destination.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var target = await destination.OpenAsync(parse, "demo", Console.Error, ct);
            if (target is null) return CliErrors.BadInput;
            var uids = SyntheticCtUids.For(Study.Seed);
            Console.Error.WriteLine($"pacsedge demo: {Study.Slices} slices of study {uids.StudyInstanceUid} ({Study.PatientName}) into {target.Description}");
            var items = SyntheticCtSeries.Generate(Study).Select((file, i) =>
            {
                var bytes = DicomFileWriter.ToBytes(file);
                return new ImportItem($"slice {i + 1}", () => new MemoryStream(bytes, writable: false), SyntheticCtUids.Instance(Study.Seed, i));
            });
            var summary = new ImportSummary();
            await ImportRunner.RunAsync(target, items, parse.GetValue(destination.Batch), summary, ImportProgress.ForConsole(Study.Slices, "demo"), ct);
            summary.Write(Console.Out);
            Console.Out.WriteLine($"study {uids.StudyInstanceUid}");
            return summary.Failures.Count == 0 ? CliErrors.Ok : CliErrors.BadInput;
        });
        return command;
    }
}
