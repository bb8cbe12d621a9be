using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PacsEdge.Testing.Orthanc;

/// <summary>
/// A server started as a child process on a loopback port: waits until a readiness URL answers 200, stops
/// with SIGTERM (then SIGKILL after a grace period), and keeps the tail of its log for failure messages.
/// Used for Orthanc and for the real `pacsedge serve` process.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly ProcessLog _log = new();

    private ServerProcess(Process process, Uri baseAddress, string name)
    {
        _process = process;
        BaseAddress = baseAddress;
        Name = name;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public string LogTail => _log.Tail();

    /// <summary>Starts <paramref name="info"/> and polls <paramref name="readinessPath"/> until it answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string name, ProcessStartInfo info, Uri baseAddress, string readinessPath, TimeSpan timeout)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        Process process;
        try { process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start"); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{info.FileName} is not installed ({e.Message}); run scripts/install-prerequisites.sh --test", e);
        }
        var server = new ServerProcess(process, baseAddress, name);
        server._log.Attach(process);
        try
        {
            await server.WaitUntilReadyAsync(readinessPath, timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Peak and current resident set size of the process, from /proc/PID/status (VmHWM, VmRSS), in bytes.</summary>
    public (long PeakBytes, long CurrentBytes) Memory()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = KiloBytes(line) * 1024;
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) current = KiloBytes(line) * 1024;
        }
        return (peak, current);
    }

    /// <summary>Resets the peak (VmHWM) to the current RSS, so that a later reading measures one phase only.</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private static long KiloBytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{LogTail}");
            try
            {
                using var response = await probe.GetAsync(path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} did not answer {path} within {timeout.TotalSeconds} s:\n{LogTail}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
