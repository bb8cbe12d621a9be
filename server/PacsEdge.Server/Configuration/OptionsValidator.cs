using Microsoft.Extensions.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Configuration;

/// <summary>Checks the options before anything starts, so a bad value fails start-up with one clear line.</summary>
public static class OptionsValidator
{
    /// <summary>Reads and checks the options; a value of the wrong type (e.g. "abc" for a number) is InvalidConfiguration too.</summary>
    public static (ServerOptions Server, StorageOptions Storage) Bind(IConfiguration configuration)
    {
        ServerOptions server;
        StorageOptions storage;
        try
        {
            server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
            storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, e.Message, e);
        }
        Validate(server, storage);
        return (server, storage);
    }

    public static void Validate(ServerOptions server, StorageOptions storage)
    {
        var urls = server.UrlList();
        if (urls.Length == 0) Fail("Server:Urls is empty; give at least one address such as " + ServerOptions.DefaultUrls);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                Fail($"Server:Urls: '{url}' is not an http:// or https:// address");
        }
        if (server.ShutdownTimeoutSeconds is < 0 or > 3600) Fail("Server:ShutdownTimeoutSeconds must be between 0 and 3600");
        if (string.IsNullOrWhiteSpace(storage.DataDirectory)) Fail("Storage:DataDirectory is empty");
    }

    private static void Fail(string detail) => throw new PacsEdgeException(ErrorCode.InvalidConfiguration, detail);
}
