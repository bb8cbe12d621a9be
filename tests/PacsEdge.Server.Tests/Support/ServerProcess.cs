using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Support;

/// <summary>
/// The built `pacsedge` command (pacsedge.dll next to the tests) run as a real process, its JSON log lines
/// read as they come so the test learns the address Kestrel bound (the tests listen on port 0).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "pacsedge.dll");

    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> StdOut { get; } = new();
    public ConcurrentQueue<string> StdErr { get; } = new();
    public int Id => _process.Id;

    private ServerProcess(Process process) => _process = process;

    /// <param name="wrapper">a command that runs the server, e.g. strace and its options; "dotnet exec pacsedge.dll ..." follows it</param>
    public static ServerProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string[]? wrapper = null)
    {
        string[] command = [.. wrapper ?? [], "dotnet", "exec", Dll, .. arguments];
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command[1..]) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var server = new ServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => { if (e.Data is not null) server.OnOutput(e.Data); };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server.StdErr.Enqueue(e.Data); };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    private void OnOutput(string line)
    {
        StdOut.Enqueue(line);
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("Message").GetString()?.StartsWith("Now listening on:") == true)
                _address.TrySetResult(json.RootElement.GetProperty("State").GetProperty("address").GetString()!);
        }
        catch (JsonException) { }
        catch (KeyNotFoundException) { }
    }

    /// <summary>The first address Kestrel reports, e.g. http://127.0.0.1:41234.</summary>
    public async Task<string> ListeningAddressAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_address.Task, exited).WaitAsync(TimeSpan.FromSeconds(60));
        if (first != _address.Task) throw new InvalidOperationException($"pacsedge exited with {_process.ExitCode} before listening: {string.Join('\n', StdErr)}");
        return await _address.Task;
    }

    public async Task<string> WaitUntilReadyAsync()
    {
        var address = await ListeningAddressAsync();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync(address + "/health")).IsSuccessStatusCode) return address;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("pacsedge did not become ready within 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends a signal with the system's kill command (SIGTERM: graceful stop; SIGKILL: a crash).</summary>
    public void Signal(string name) => Signal(name, Id);

    public static void Signal(string name, int processId) => ExternalTool.RunChecked("bash", ["-c", $"kill -{name} {processId}"]); // bash's builtin kill: no procps needed

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit(); // lets the output readers finish
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
