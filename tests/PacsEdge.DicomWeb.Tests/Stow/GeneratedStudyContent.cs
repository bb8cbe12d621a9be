using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Uids;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>
/// A STOW-RS body with one large instance generated while it is sent: CT_small's header under a new SOP Instance
/// UID, then Pixel Data (OB) of <c>pixelBytes</c> written 1 MiB at a time from one reused buffer, so the client holds
/// no more than that. The SHA-256 of the instance is computed on the way, to compare with what the server stored.
/// </summary>
internal sealed class GeneratedStudyContent : HttpContent
{
    private const int Chunk = 1024 * 1024;
    private readonly byte[] _head;
    private readonly long _pixelBytes;
    private readonly byte[] _tail = Encoding.ASCII.GetBytes($"\r\n--{StowClient.Boundary}--\r\n");
    private readonly byte[] _partHead = Encoding.ASCII.GetBytes($"--{StowClient.Boundary}\r\nContent-Type: application/dicom\r\n\r\n");

    public GeneratedStudyContent(long pixelBytes)
    {
        _pixelBytes = pixelBytes;
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/CT_small.dcm"), DicomReaderOptions.UntilPixelData);
        SopInstanceUid = new DicomUidGenerator().Generate();
        file.Dataset.AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, SopInstanceUid);
        file.FileMetaInformation.AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, SopInstanceUid);
        file.Dataset.Remove(DicomTags.PixelData);
        StudyInstanceUid = file.Dataset.GetString(DicomTags.StudyInstanceUID)!;
        var header = DicomFileWriter.ToBytes(file);
        var pixelTag = new byte[12]; // (7FE0,0010) OB, reserved, 32-bit length (explicit VR little endian)
        BinaryPrimitives.WriteUInt16LittleEndian(pixelTag, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(pixelTag.AsSpan(2), 0x0010);
        pixelTag[4] = (byte)'O'; pixelTag[5] = (byte)'B';
        BinaryPrimitives.WriteUInt32LittleEndian(pixelTag.AsSpan(8), checked((uint)pixelBytes));
        _head = [.. header, .. pixelTag];
        Headers.TryAddWithoutValidation("Content-Type", $"multipart/related; type=\"application/dicom\"; boundary={StowClient.Boundary}");
    }

    public string SopInstanceUid { get; }
    public string StudyInstanceUid { get; }
    public long InstanceLength => _head.Length + _pixelBytes;
    public string? Sha256 { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await stream.WriteAsync(_partHead);
        await stream.WriteAsync(_head);
        hash.AppendData(_head);
        var buffer = new byte[Chunk];
        for (long sent = 0; sent < _pixelBytes; sent += Chunk)
        {
            var n = (int)Math.Min(Chunk, _pixelBytes - sent);
            for (var i = 0; i < n; i += 4096) buffer[i] = (byte)(sent / Chunk + i); // varying bytes, cheap to make
            await stream.WriteAsync(buffer.AsMemory(0, n));
            hash.AppendData(buffer, 0, n);
        }
        await stream.WriteAsync(_tail);
        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _partHead.Length + InstanceLength + _tail.Length;
        return true;
    }
}
