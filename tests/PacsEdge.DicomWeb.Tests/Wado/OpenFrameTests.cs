using Microsoft.Extensions.DependencyInjection;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;
using PacsEdge.Dicom.Uids;
using PacsEdge.Index;
using PacsEdge.Index.Model;
using PacsEdge.Plugins;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Tests.Wado;

/// <summary>
/// The SDK's IInstanceReader.OpenFrameAsync against the host's reader, on generated files large enough that their
/// pixel data stays in the file (the streamed path) and on small ones (the parsed path); expected bytes are the
/// generated pixel data, independent of the reader.
/// </summary>
public sealed class OpenFrameTests
{
    private static readonly DicomUidGenerator Uids = new();
    private const int Side = 256; // 128 KiB per 16-bit frame: beyond the 64 KiB lazy threshold

    [Fact]
    public async Task Native_frames_are_their_ranges_of_the_pixel_data()
    {
        await using var wado = await WadoServer.StartAsync();
        var pixels = RandomBytes(Side * Side * 2 * 3, seed: 1);
        var instance = await StoreAsync(wado, NativeFile(pixels, frames: 3, rows: Side));
        var reader = Reader(wado);
        for (int n = 3; n >= 1; n--) // backwards and twice: the second pass reads through the cached layout
            for (int pass = 0; pass < 2; pass++)
            {
                await using var frame = await reader.OpenFrameAsync(instance, n);
                Assert.Equal((n, 3, false), (frame.FrameNumber, frame.FrameCount, frame.IsEncapsulated));
                Assert.Equal(Side * Side * 2, frame.Length);
                Assert.Equal(pixels.AsSpan((n - 1) * Side * Side * 2, Side * Side * 2).ToArray(), await ReadAllAsync(frame.Content));
            }
    }

    [Fact]
    public async Task Small_native_frames_take_the_parsed_path_with_the_same_bytes()
    {
        await using var wado = await WadoServer.StartAsync();
        var pixels = RandomBytes(16 * 16 * 2 * 2, seed: 2);
        var instance = await StoreAsync(wado, NativeFile(pixels, frames: 2, rows: 16));
        await using var frame = await Reader(wado).OpenFrameAsync(instance, 2);
        Assert.Equal(pixels[(16 * 16 * 2)..], await ReadAllAsync(frame.Content));
    }

    [Theory]
    [InlineData(70_000)] // every fragment stays in the file: frames stream over two file ranges each
    [InlineData(300)]    // fragments parsed into memory: the parsed path
    public async Task Encapsulated_frames_concatenate_their_fragments(int fragmentLength)
    {
        await using var wado = await WadoServer.StartAsync();
        var fragments = Enumerable.Range(0, 4).Select(i => RandomBytes(fragmentLength + i * 2, seed: 10 + i)).ToArray();
        var instance = await StoreAsync(wado, EncapsulatedFile(fragments, framesOfTwo: 2));
        var reader = Reader(wado);
        foreach (int n in new[] { 2, 1, 2 })
        {
            await using var frame = await reader.OpenFrameAsync(instance, n);
            Assert.True(frame.IsEncapsulated);
            Assert.Equal(TransferSyntax.RleLossless.Uid, frame.TransferSyntaxUid);
            var expected = fragments[(2 * n - 2)..(2 * n)].SelectMany(f => f).ToArray();
            Assert.Equal(expected.Length, frame.Length);
            Assert.Equal(expected, await ReadAllAsync(frame.Content));
            Assert.Equal(expected, (await reader.ReadFrameAsync(instance, n)).Data.ToArray());
        }
    }

    [Fact]
    public async Task Files_with_the_same_layout_keep_their_own_bytes()
    {
        await using var wado = await WadoServer.StartAsync();
        var a = RandomBytes(Side * Side * 2 * 2, seed: 3);
        var b = RandomBytes(Side * Side * 2 * 2, seed: 4);
        var first = await StoreAsync(wado, NativeFile(a, frames: 2, rows: Side));
        var second = await StoreAsync(wado, NativeFile(b, frames: 2, rows: Side));
        Assert.NotEqual(first.BlobKey, second.BlobKey);
        var reader = Reader(wado);
        for (int pass = 0; pass < 2; pass++)
            foreach (var (instance, pixels) in new[] { (first, a), (second, b) })
            {
                await using var frame = await reader.OpenFrameAsync(instance, 2);
                Assert.Equal(pixels[(Side * Side * 2)..], await ReadAllAsync(frame.Content));
            }
    }

    [Fact]
    public async Task Frame_numbers_outside_the_instance_are_not_found()
    {
        await using var wado = await WadoServer.StartAsync();
        var instance = await StoreAsync(wado, NativeFile(RandomBytes(Side * Side * 2, seed: 5), frames: 1, rows: Side));
        var reader = Reader(wado);
        foreach (int n in new[] { 0, 2, 2 })
        {
            var e = await Assert.ThrowsAsync<PacsEdgeException>(() => reader.OpenFrameAsync(instance, n));
            Assert.Equal(ErrorCode.ResourceNotFound, e.Code);
        }
    }

    private static IInstanceReader Reader(WadoServer wado) => wado.Server.App.Services.GetRequiredService<IInstanceReader>();

    private static async Task<StoredInstance> StoreAsync(WadoServer wado, DicomFile file)
    {
        var result = await wado.StoreAsync(DicomFileWriter.ToBytes(file), file.Dataset.GetString(DicomTags.SOPInstanceUID)!);
        Assert.Equal(StoreStatus.Stored, result.Status);
        var index = wado.Server.App.Services.GetRequiredService<IDicomIndex>();
        return Assert.Single(await index.GetInstancesAsync(new HierarchyPath(result.StudyInstanceUid!, result.SeriesInstanceUid, result.SopInstanceUid)));
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static DicomFile NativeFile(byte[] pixels, int frames, int rows)
    {
        var dataset = Image(frames, rows);
        dataset.AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OW, pixels);
        return WithMeta(dataset, TransferSyntax.ExplicitVRLittleEndian);
    }

    /// <summary>Two fragments per frame and a Basic Offset Table saying where each frame starts.</summary>
    private static DicomFile EncapsulatedFile(byte[][] fragments, int framesOfTwo)
    {
        var dataset = Image(framesOfTwo, Side);
        var pixelData = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        var offsets = new byte[4 * framesOfTwo];
        long at = 0;
        for (int i = 0; i < fragments.Length; i++)
        {
            if (i % 2 == 0) System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(offsets.AsSpan(i / 2 * 4), (uint)at);
            pixelData.Fragments.Add(new MemoryByteSource(fragments[i]));
            at += 8 + fragments[i].Length;
        }
        pixelData.OffsetTable = new MemoryByteSource(offsets);
        dataset.AddOrReplace(pixelData);
        return WithMeta(dataset, TransferSyntax.RleLossless);
    }

    private static DicomDataset Image(int frames, int rows)
    {
        var dataset = new DicomDataset()
            .AddOrReplaceString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7")
            .AddOrReplaceString(DicomTags.SOPInstanceUID, DicomVR.UI, Uids.Generate())
            .AddOrReplaceString(DicomTags.StudyInstanceUID, DicomVR.UI, Uids.Generate())
            .AddOrReplaceString(DicomTags.SeriesInstanceUID, DicomVR.UI, Uids.Generate())
            .AddOrReplaceString(DicomTags.Modality, DicomVR.CS, "OT")
            .AddOrReplaceString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrReplaceUInt16(DicomTags.SamplesPerPixel, 1)
            .AddOrReplaceUInt16(DicomTags.Rows, (ushort)rows)
            .AddOrReplaceUInt16(DicomTags.Columns, (ushort)rows)
            .AddOrReplaceUInt16(DicomTags.BitsAllocated, 16)
            .AddOrReplaceUInt16(DicomTags.BitsStored, 16)
            .AddOrReplaceUInt16(DicomTags.HighBit, 15)
            .AddOrReplaceUInt16(DicomTags.PixelRepresentation, 0)
            .AddOrReplaceIntegerString(DicomTags.NumberOfFrames, frames);
        return dataset;
    }

    private static DicomFile WithMeta(DicomDataset dataset, TransferSyntax syntax)
    {
        var meta = new DicomDataset()
            .AddOrReplaceString(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, dataset.GetString(DicomTags.SOPClassUID)!)
            .AddOrReplaceString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, dataset.GetString(DicomTags.SOPInstanceUID)!)
            .AddOrReplaceString(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid);
        return new DicomFile(meta, dataset, syntax);
    }

    private static async Task<byte[]> ReadAllAsync(Stream content)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[10_000]; // smaller than a fragment, so reads cross range boundaries
        int n;
        while ((n = await content.ReadAsync(buffer)) > 0) copy.Write(buffer, 0, n);
        return copy.ToArray();
    }
}
