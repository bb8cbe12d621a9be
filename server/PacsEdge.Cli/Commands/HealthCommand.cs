using System.CommandLine;

namespace PacsEdge.Cli.Commands;

/// <summary>
/// `pacsedge health [--url URL]`: exit 0 when a server answers 200 on /health, 1 otherwise. The container's
/// HEALTHCHECK uses it because the aspnet runtime image has no curl or wget.
/// </summary>
public static class HealthCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/health";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = $"health address (default {DefaultUrl})", DefaultValueFactory = _ => DefaultUrl };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for the answer (default 5)", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Check that a PacsEdge server is ready to store (exit 0) or not (exit 1)") { url, timeout };
        command.SetAction(parse => Run(parse.GetValue(url)!, parse.GetValue(timeout), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string url, int timeoutSeconds, TextWriter output, TextWriter error)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)) };
        try
        {
            using var response = client.GetAsync(url).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (response.IsSuccessStatusCode)
            {
                output.WriteLine(body);
                return CliErrors.Ok;
            }
            return CliErrors.Fail(error, url, $"{(int)response.StatusCode} {body}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            return CliErrors.Fail(error, url, e.Message);
        }
    }
}
