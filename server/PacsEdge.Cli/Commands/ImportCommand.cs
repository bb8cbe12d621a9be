using System.CommandLine;
using PacsEdge.Cli.Commands.Import;

namespace PacsEdge.Cli.Commands;

/// <summary>
/// `pacsedge import DIR [--server URL | --data DIR] [--recursive false] [--batch N]`: every Part 10 file in the
/// folder through the store pipeline (offline, or a server's STOW-RS), with progress on stderr and a summary on
/// stdout. Exit 0 when no file failed, 1 otherwise (also when the destination cannot be opened).
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "folder to import (files without DICM at byte 128 are skipped)" };
        var recursive = new Option<bool>("--recursive") { Description = "also import the sub-folders (default true)", DefaultValueFactory = _ => true };
        var destination = new ImportDestination();
        var command = new Command("import", "Store every DICOM file of a folder, offline (--data) or through a running server (--server)") { folder, recursive };
        destination.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"pacsedge import: {dir.FullName}: no such folder");
                return CliErrors.BadInput;
            }
            var scan = DicomFolderScanner.Run(dir.FullName, parse.GetValue(recursive));
            await using var target = await destination.OpenAsync(parse, "import", Console.Error, ct);
            if (target is null) return CliErrors.BadInput;
            var summary = new ImportSummary { SkippedNotDicom = scan.SkippedNotDicom };
            foreach (var unreadable in scan.Unreadable) summary.Add(unreadable);
            Console.Error.WriteLine($"pacsedge import: {scan.DicomFiles.Count} DICOM files from {dir.FullName} into {target.Description}");
            var items = scan.DicomFiles.Select(path => new ImportItem(path, () => File.OpenRead(path)));
            await ImportRunner.RunAsync(target, items, parse.GetValue(destination.Batch), summary, ImportProgress.ForConsole(scan.DicomFiles.Count, "import"), ct);
            summary.Write(Console.Out);
            return summary.Failures.Count == 0 ? CliErrors.Ok : CliErrors.BadInput;
        });
        return command;
    }
}
