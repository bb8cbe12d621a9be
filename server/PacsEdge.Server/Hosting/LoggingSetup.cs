using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PacsEdge.Server.Hosting;

/// <summary>
/// Structured logs: one JSON object per line on standard output (Microsoft.Extensions.Logging's JSON console
/// formatter, UTC timestamps, scopes such as the request's trace id). Levels and the formatter follow the
/// standard "Logging" section (e.g. PACSEDGE__Logging__LogLevel__Default=Debug, Logging:Console:FormatterName=simple).
/// </summary>
public static class LoggingSetup
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(options => options.FormatterName ??= ConsoleFormatterNames.Json);
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
