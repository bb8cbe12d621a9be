using System.Diagnostics;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Fuzz;

/// <summary>
/// The <see cref="DicomReaderOptions"/> guards against crafted input: sequence depth, element count
/// and inflated size. Each limit is probed at its edge (limit accepted, limit + 1 rejected) and far
/// beyond it (no stack overflow, no runaway memory), from bytes and from a non-seekable stream.
/// </summary>
public class ReaderLimitsTests
{
    /// <summary>Explicit VR LE, no meta group: <paramref name="depth"/> nested undefined-length sequences, closed properly.</summary>
    private static byte[] NestedSequences(int depth, bool closed = true)
    {
        var d = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT");
        for (int i = 0; i < depth; i++) d.Sequence(0x0040, 0xA730).Item(); // ContentSequence
        d.Text(0x0040, 0xA040, "CS", "TEXT");
        if (closed) for (int i = 0; i < depth; i++) d.ItemEnd().SequenceEnd();
        return d.ToArray();
    }

    private static DicomFile Read(byte[] bytes, DicomReaderOptions options, bool stream) =>
        stream ? DicomFileReader.Read(new NonSeekableReadStream(bytes, 100), options) : DicomFileReader.Read(bytes, options);

    private static int Depth(DicomDataset dataset) =>
        dataset.OfType<DicomSequence>().Select(s => 1 + s.Items.Select(Depth).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sequence_depth_at_the_limit_parses_and_one_deeper_is_rejected(bool stream)
    {
        var options = new DicomReaderOptions { MaxSequenceDepth = 10 };
        var file = Read(NestedSequences(10), options, stream);
        Assert.Equal(10, Depth(file.Dataset));

        var e = Assert.Throws<DicomFormatException>(() => Read(NestedSequences(11), options, stream));
        Assert.Contains("nested deeper than 10", e.Reason);
        Assert.Equal(DicomTags.ContentSequence, e.Tag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hundred_thousand_nested_sequences_are_rejected_quickly_with_the_default_limit(bool stream)
    {
        var bytes = NestedSequences(100_000, closed: false);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<DicomFormatException>(() => Read(bytes, DicomReaderOptions.Default, stream));
        Assert.Contains($"nested deeper than {DicomReaderOptions.Default.MaxSequenceDepth}", e.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    /// <summary>PS3.5 6.2.2: UN of undefined length nests implicit VR sequences; the depth guard must cover that route too.</summary>
    [Fact]
    public void Nested_undefined_length_UN_sequences_are_bounded_by_the_depth_limit()
    {
        var d = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT").Text(0x0009, 0x0010, "LO", "FUZZ");
        d.Element(0x0009, 0x1001, "UN", []);
        var bytes = d.ToArray();
        // Patch the last element's length to undefined, then nest implicit private elements (VR unknown, so UN) of undefined length.
        BitConverter.GetBytes(CraftedDicom.Undefined).CopyTo(bytes, bytes.Length - 4);
        var nested = new List<byte>(bytes);
        for (int i = 0; i < 1_000; i++)
        {
            nested.AddRange([0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]); // item, undefined length
            nested.AddRange([0x09, 0x00, 0x01, 0x11, 0xFF, 0xFF, 0xFF, 0xFF]); // (0009,1101) implicit, undefined length
        }
        var e = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(nested.ToArray(), new DicomReaderOptions { MaxSequenceDepth = 5 }));
        Assert.Contains("nested deeper than 5", e.Reason);
    }

    /// <summary>Raw explicit VR LE data set: one sequence of <paramref name="items"/> empty items, then <paramref name="elements"/> private elements.</summary>
    private static byte[] ManyElements(int items, int elements)
    {
        var d = new CraftedDicom().Sequence(0x0008, 0x1140);
        for (int i = 0; i < items; i++) d.Item(0);
        d.SequenceEnd();
        for (int i = 0; i < elements; i++) d.Element(0x0011, (ushort)(0x1000 + i), "US", [1, 0]);
        return d.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Element_count_counts_items_and_elements_up_to_the_limit(bool stream)
    {
        // 1 sequence + 50 items + 949 elements = 1000.
        var bytes = ManyElements(50, 949);
        var file = Read(bytes, new DicomReaderOptions { MaxElementCount = 1000 }, stream);
        Assert.Equal(950, file.Dataset.Count);
        Assert.Equal(50, Assert.IsType<DicomSequence>(file.Dataset.Get(DicomTags.ReferencedImageSequence)).Items.Count);

        var e = Assert.Throws<DicomFormatException>(() => Read(bytes, new DicomReaderOptions { MaxElementCount = 999 }, stream));
        Assert.Contains("more than 999 elements", e.Reason);
    }

    [Fact]
    public void A_flood_of_empty_items_stops_at_the_element_limit_with_bounded_allocation()
    {
        var bytes = ManyElements(200_000, 0); // 1.6 MB of 8-byte items
        var options = new DicomReaderOptions { MaxElementCount = 10_000 };
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(bytes, options));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // ~10,000 items' worth of objects, nowhere near what 200,000 items would take.
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Inflated_size_beyond_the_limit_is_rejected(bool stream)
    {
        var dataset = new CraftedDicom().Text(0x0008, 0x0060, "CS", "CT").Element(0x7FE0, 0x0010, "OB", new byte[4 << 20]).ToArray();
        var bytes = CraftedDicom.Deflated(dataset); // 4 MiB of zeros deflate to a few KiB
        Assert.True(bytes.Length < 64 * 1024);

        var file = Read(bytes, DicomReaderOptions.Default, stream);
        Assert.Equal(4 << 20, Assert.IsType<DicomElement>(file.Dataset.Get(DicomTags.PixelData)).Length);

        var e = Assert.Throws<DicomFormatException>(() => Read(bytes, new DicomReaderOptions { MaxInflatedBytes = 1 << 20 }, stream));
        Assert.Contains("limit", e.Reason);
    }
}
