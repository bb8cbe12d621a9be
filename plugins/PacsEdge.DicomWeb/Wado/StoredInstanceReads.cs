using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>
/// Turns a <see cref="DicomFormatException"/> met while reading a stored instance into a problem response that says
/// so (<see cref="ErrorCode.StoredInstanceUnreadable"/>, HTTP 409) instead of an unexplained 500: the request was
/// fine, the stored file is not readable the way it needs.
/// </summary>
internal static class StoredInstanceReads
{
    public static PacsEdgeException Unreadable(StoredInstance instance, string what, DicomFormatException e) =>
        new(ErrorCode.StoredInstanceUnreadable, $"The stored file of instance {instance.Path.SopInstanceUid} cannot be {what}: {e.Message}", e);

    public static async Task<T> GuardAsync<T>(StoredInstance instance, string what, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (DicomFormatException e)
        {
            throw Unreadable(instance, what, e);
        }
    }
}
