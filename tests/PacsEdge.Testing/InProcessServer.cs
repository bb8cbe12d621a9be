using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Server.Configuration;
using PacsEdge.Server.Hosting;

namespace PacsEdge.Testing;

/// <summary>The real host on real Kestrel, on a free loopback port, with its own temp data directory.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly TempDirectory _temp;

    private InProcessServer(WebApplication app, HttpClient client, TempDirectory temp)
    {
        App = app;
        Client = client;
        _temp = temp;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public string DataDirectory => _temp.Combine("data");

    /// <param name="overrides">configuration keys ("Section:Name") applied last, e.g. Storage:OnDuplicate</param>
    public static async Task<InProcessServer> StartAsync(
        Action<WebApplicationBuilder>? configureServices = null, Action<WebApplication>? mapRoutes = null,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var temp = new TempDirectory();
        var settings = new HostSettings
        {
            Urls = "http://127.0.0.1:0", DataDirectory = temp.Combine("data"), ConfigurationDirectory = temp.Path,
            Overrides = overrides ?? new Dictionary<string, string?>(),
        };
        var app = PacsEdgeHost.Build(settings, configureServices, mapRoutes);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new InProcessServer(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) }, temp);
    }

    /// <summary>Polls GET /health until it answers 200 (the readiness checks run after start).</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Client.GetAsync("/health")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the server did not become ready within 30 s");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _temp.Dispose();
    }
}
