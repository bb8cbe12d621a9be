using System.IO.Pipelines;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// Runs a synchronous writer (<see cref="PacsEdge.Dicom.IO.DicomFileWriter"/>, IByteSource.CopyTo) against an async
/// output. Kestrel forbids synchronous writes on the response, so the writer runs on a worker thread into a pipe
/// whose reader copies to the output: only the pipe's window (about 1 MiB) is buffered, never a whole file.
/// </summary>
internal static class SyncWriterPump
{
    public static async Task WriteAsync(Action<Stream> write, Stream output, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var producer = Task.Run(() =>
        {
            try
            {
                using (var stream = pipe.Writer.AsStream(leaveOpen: true)) write(stream);
                pipe.Writer.Complete();
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await pipe.Reader.CopyToAsync(output, cancellationToken);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            await pipe.Reader.CompleteAsync(e); // unblocks a writer waiting on a full pipe
            await producer;
            throw;
        }
        await producer;
    }
}
