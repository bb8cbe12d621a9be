using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Tests.Support;

namespace PacsEdge.Server.Tests.Http;

/// <summary>Every error over real Kestrel is an RFC 9457 problem with our code; internals never leak.</summary>
public class ProblemResponseTests
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        foreach (var member in new[] { "type", "title", "detail", "code", "traceId" }) Assert.True(problem.TryGetProperty(member, out _), member);
        return problem;
    }

    [Theory]
    [InlineData("/no/such/route")]
    [InlineData("/studies.json")] // a path that looks like a file is still a problem, not an empty 404
    [InlineData("/health/extra")]
    public async Task Unknown_route_is_a_404_problem(string path)
    {
        await using var server = await InProcessServer.StartAsync();
        var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal((int)ErrorCode.RouteNotFound, problem.GetProperty("code").GetInt32());
        Assert.Equal("urn:pacsedge:problem:route-not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_empty_404_from_an_endpoint_is_a_NotFound_problem()
    {
        await using var server = await InProcessServer.StartAsync(mapRoutes: app => app.MapGet("/empty", () => Results.NotFound()));
        var response = await server.Client.GetAsync("/empty");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((int)ErrorCode.NotFound, (await ProblemOf(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        await using var server = await InProcessServer.StartAsync();
        var response = await server.Client.DeleteAsync("/health");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal((int)ErrorCode.MethodNotAllowed, (await ProblemOf(response)).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(ErrorCode.InvalidParameter, 400)]
    [InlineData(ErrorCode.BlobNotFound, 404)]
    [InlineData(ErrorCode.Conflict, 409)]
    [InlineData(ErrorCode.StorageFull, 507)]
    [InlineData(ErrorCode.NotReady, 503)]
    public async Task PacsEdgeException_becomes_a_problem_with_its_code_and_detail(ErrorCode code, int status)
    {
        await using var server = await InProcessServer.StartAsync(mapRoutes: app =>
            app.MapGet("/throw", () => { throw new PacsEdgeException(code, "the detail for the client"); }));
        var response = await server.Client.GetAsync("/throw");
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal((int)code, problem.GetProperty("code").GetInt32());
        Assert.Equal(code.ToString(), problem.GetProperty("error").GetString());
        Assert.Equal("the detail for the client", problem.GetProperty("detail").GetString());
        Assert.Equal(code.Title(), problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unexpected_exception_is_a_500_problem_that_hides_the_message_but_logs_it_with_the_trace_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await InProcessServer.StartAsync(
            b => b.Logging.AddProvider(logs),
            app => app.MapGet("/bug", (HttpContext _) => { throw new InvalidOperationException("secret at /var/lib/pacsedge/index/db"); }));

        var response = await server.Client.GetAsync("/bug");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        var problem = await ProblemOf(response);
        Assert.Equal((int)ErrorCode.Internal, problem.GetProperty("code").GetInt32());
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.False(string.IsNullOrEmpty(traceId));

        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message.Contains("secret") == true);
        Assert.Contains(traceId, logged.Message);

        await server.WaitUntilReadyAsync(); // and the server keeps serving
    }
}
