using PacsEdge.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Health;
using PacsEdge.Server.Indexing;
using PacsEdge.Server.Plugins;
using PacsEdge.Server.Storage;
using PacsEdge.Server.Store;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// Builds the server `pacsedge serve` runs: configuration, logging, the locked data directory, the blob store,
/// problem responses and /health. The data directory is locked here, before anything listens, so a second
/// server on the same directory fails at once; the lock goes with the application (stop or dispose).
/// </summary>
public static class PacsEdgeHost
{
    /// <param name="configureServices">adds services (the index, plugins and tests plug in here)</param>
    /// <param name="mapRoutes">maps more endpoints after /health</param>
    public static WebApplication Build(HostSettings settings, Action<WebApplicationBuilder>? configureServices = null, Action<WebApplication>? mapRoutes = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = settings.ConfigurationDirectory });
        ConfigurationSources.Replace(builder.Configuration, settings);
        var (server, storage) = OptionsValidator.Bind(builder.Configuration);
        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.WebHost.UseUrls(server.UrlList());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(server.ShutdownTimeoutSeconds));
        LoggingSetup.Configure(builder);
        var http = HttpFeatures.Bind(builder.Configuration);
        http.AddServices(builder.Services);

        var dataDirectory = DataDirectory.Open(storage.DataDirectory);
        try
        {
            builder.Services.AddSingleton(_ => dataDirectory);
            builder.Services.AddFileBlobStore();
            builder.Services.AddReadiness();
            builder.Services.AddIndex(builder.Configuration);
            builder.Services.AddStorePipeline();
            var plugins = PluginLoader.Load(builder.Configuration);
            foreach (var plugin in plugins)
                plugin.ConfigureServices(new PluginContext(builder.Configuration, builder.Configuration.GetSection($"Plugins:{plugin.Name}"), dataDirectory.Root), builder.Services);
            builder.Services.AddSingleton<IReadOnlyList<IPacsEdgePlugin>>(plugins);
            configureServices?.Invoke(builder);
            var app = builder.Build();
            app.Services.GetRequiredService<DataDirectory>(); // resolved now, so disposing the app releases the lock
            app.Lifetime.ApplicationStopped.Register(dataDirectory.Dispose);
            http.Use(app);
            app.UseMiddleware<ProblemMiddleware>();
            app.MapHealth();
            foreach (var plugin in plugins) plugin.MapRoutes(app);
            mapRoutes?.Invoke(app);
            LogStart(app, server, dataDirectory, plugins);
            return app;
        }
        catch
        {
            dataDirectory.Dispose();
            throw;
        }
    }

    private static void LogStart(WebApplication app, ServerOptions server, DataDirectory data, IReadOnlyList<IPacsEdgePlugin> plugins)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PacsEdge.Server");
        logger.LogInformation("PacsEdge {Version} with data directory {DataDirectory}, listening on {Urls}, plugins: {Plugins}",
            HealthEndpoint.Version, data.Root, server.Urls, plugins.Count == 0 ? "none" : string.Join(", ", plugins.Select(p => p.Name)));
        foreach (var url in server.UrlList().Where(u => !ListenAddress.IsLoopback(u)))
            logger.LogWarning("Listening beyond loopback on {Url}: PacsEdge has no sign-in yet, so anyone who can reach it can use it", url);
    }
}
