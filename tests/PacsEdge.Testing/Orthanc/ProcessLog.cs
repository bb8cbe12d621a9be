using System.Diagnostics;

namespace PacsEdge.Testing.Orthanc;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, kept for failure messages. Bounded, so that a
/// server that logs every request during a benchmark does not grow the test's memory.
/// </summary>
public sealed class ProcessLog
{
    private const int MaxLines = 400;
    private readonly Queue<string> _lines = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Tail()
    {
        lock (_lines) return string.Join('\n', _lines);
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines) _lines.Dequeue();
        }
    }
}
