using System.CommandLine;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Configuration;

namespace PacsEdge.Cli.Commands.Import;

/// <summary>
/// The --server URL / --data DIR pair import and demo share: through a running server (STOW-RS), or offline into
/// a data directory (the configured one when neither is given), which needs the directory's lock.
/// </summary>
public sealed class ImportDestination
{
    public Option<string?> Server { get; } = new("--server") { Description = "store through the PacsEdge (DICOMweb) server at this address, e.g. http://127.0.0.1:8080" };
    public Option<string?> Data { get; } = new("--data") { Description = $"store offline into this data directory (default {StorageOptions.DefaultDataDirectory}); refused while a server holds it" };
    public Option<int> Batch { get; } = new("--batch") { Description = "instances per STOW-RS request / per progress step (default 10)", DefaultValueFactory = _ => 10 };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Data);
        command.Options.Add(Batch);
    }

    /// <summary>Opens the target the options name, or writes why not to <paramref name="error"/> and returns null.</summary>
    public async Task<IImportTarget?> OpenAsync(ParseResult parse, string verb, TextWriter error, CancellationToken cancellationToken)
    {
        var server = parse.GetValue(Server);
        var data = parse.GetValue(Data);
        if (server is not null && data is not null)
        {
            error.WriteLine($"pacsedge {verb}: give either --server or --data, not both");
            return null;
        }
        try
        {
            if (server is not null) return new StowRsImportTarget(server);
            return await OfflineImportTarget.OpenAsync(data, cancellationToken);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"pacsedge {verb}: --server: {e.Message}");
        }
        catch (PacsEdgeException e) when (e.Code == ErrorCode.DataDirectoryLocked)
        {
            error.WriteLine($"pacsedge {verb}: {e.Message}; to store through that server use --server URL");
        }
        catch (PacsEdgeException e)
        {
            error.WriteLine($"pacsedge {verb}: {e.Message}");
        }
        return null;
    }
}
