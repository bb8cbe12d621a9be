using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Hosting;
using PacsEdge.Cli.Commands.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Cli.Commands;

/// <summary>
/// `pacsedge serve [--urls URLS] [--data DIR] [--demo]` (and `pacsedge` alone): runs the server until SIGTERM or Ctrl+C,
/// then stops gracefully and exits 0. Options given here override appsettings.json and PACSEDGE__* variables.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the PacsEdge server (the default when no verb is given)");
        AddTo(command);
        return command;
    }

    /// <summary>Adds --urls and --data and the serve action to a command (the `serve` verb and the root command).</summary>
    public static void AddTo(Command command)
    {
        var urls = new Option<string?>("--urls") { Description = $"listen addresses, ';'-separated (default {ServerOptions.DefaultUrls}, loopback only)" };
        var data = new Option<string?>("--data") { Description = $"data directory (default {StorageOptions.DefaultDataDirectory})" };
        var demo = new Option<bool>("--demo") { Description = "store the demo study (as `pacsedge demo`) in the background once the server is ready, unless it is there already" };
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(demo);
        command.SetAction(parse => Run(new HostSettings { Urls = parse.GetValue(urls), DataDirectory = parse.GetValue(data) }, Console.Error, parse.GetValue(demo)));
    }

    public static int Run(HostSettings settings, TextWriter error, bool demo = false)
    {
        WebApplication app;
        Action<WebApplicationBuilder>? services = demo ? b => b.Services.AddHostedService<DemoStudySeeder>() : null;
        try { app = PacsEdgeHost.Build(settings, services); }
        catch (PacsEdgeException e) { return Fail(error, e.Message); }
        using (app)
        {
            try { app.Run(); }
            catch (IOException e) { return Fail(error, "cannot listen: " + e.Message); }
        }
        return CliErrors.Ok;
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"pacsedge serve: {reason}");
        return CliErrors.StartFailed;
    }
}
