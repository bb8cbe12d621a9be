using PacsEdge.Testing;
using PacsEdge.Dicom.Buffers;
using PacsEdge.Dicom.Codecs;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Dicom.IO;

namespace PacsEdge.Dicom.Tests.Codecs;

public sealed class FrameLocatorTests(TempDirectory temp) : IClassFixture<TempDirectory>
{
    /// <summary>pydicom (the referee) writes a file whose frames are found through the Extended Offset Table.</summary>
    [Fact]
    public void Extended_offset_table_frames_match_the_fragment_per_frame_file()
    {
        var source = temp.File("rgb2.dcm");
        ReferenceTool.Run("dcmdrle", CorpusFiles.PathOf("test_files/SC_rgb_rle_2frame.dcm"), source);
        var perFrame = temp.File("rgb2.jpeg.dcm");
        ReferenceTool.Run("dcmcjpeg", "+e1", source, perFrame);
        var extended = temp.File("rgb2.eot.dcm");
        ReferenceTool.Run("/usr/bin/python3", "-c", """
            import sys, pydicom
            from pydicom.encaps import generate_pixel_data_frame, encapsulate_extended
            ds = pydicom.dcmread(sys.argv[1])
            frames = list(generate_pixel_data_frame(ds.PixelData, int(ds.NumberOfFrames)))
            # odd-length frames get a pad byte in their fragment; the lengths table excludes it
            ds.PixelData, ds.ExtendedOffsetTable, ds.ExtendedOffsetTableLengths = encapsulate_extended(frames)
            ds.save_as(sys.argv[2])
            """, perFrame, extended);

        var a = DicomFileReader.Read(perFrame);
        var b = DicomFileReader.Read(extended);
        Assert.True(b.Dataset.Contains(DicomTags.ExtendedOffsetTable));
        for (int f = 0; f < 2; f++)
            Assert.Equal(FrameLocator.GetFrame(a.Dataset, a.TransferSyntax, f).ToArray(), FrameLocator.GetFrame(b.Dataset, b.TransferSyntax, f).ToArray());
        var reference = temp.File("rgb2.eot.dcmdjpeg.dcm");
        ReferenceTool.Run("dcmdjpeg", extended, reference);
        FrameComparison.AssertSameFrames(extended, reference);
    }

    [Fact]
    public void A_lazy_native_frame_is_read_without_loading_all_pixel_data()
    {
        var path = CorpusFiles.PathOf("test_files/rtdose.dcm");
        var lazy = DicomFileReader.Read(path, new DicomReaderOptions { LazyValueThreshold = 1024 });
        var eager = DicomFileReader.Read(path);
        var pixelData = (DicomElement)lazy.Dataset.Get(DicomTags.PixelData)!;
        Assert.IsType<FileRangeByteSource>(pixelData.Value);
        for (int f = 0; f < 15; f++)
            Assert.Equal(FrameLocator.GetFrame(eager.Dataset, eager.TransferSyntax, f).ToArray(), FrameLocator.GetFrame(lazy.Dataset, lazy.TransferSyntax, f).ToArray());
        Assert.False(pixelData.Value.IsLoaded);
    }

    [Fact]
    public void A_lazy_big_endian_frame_comes_out_little_endian()
    {
        // (rtdose_expb.dcm is no use here: its 32-bit pixels are OW, which dcmtk too swaps as 16-bit words.)
        var little = DicomFileReader.Read(CorpusFiles.PathOf("test_files/MR_small.dcm"));
        var big = DicomFileReader.Read(CorpusFiles.PathOf("test_files/MR_small_bigendian.dcm"), new DicomReaderOptions { LazyValueThreshold = 1024 });
        Assert.IsType<FileRangeByteSource>(((DicomElement)big.Dataset.Get(DicomTags.PixelData)!).Value);
        for (int f = 0; f < 1; f++)
            Assert.Equal(FrameLocator.GetFrame(little.Dataset, little.TransferSyntax, f).ToArray(), FrameLocator.GetFrame(big.Dataset, big.TransferSyntax, f).ToArray());
    }

    [Fact]
    public void Lazy_encapsulated_frames_load_only_their_fragments()
    {
        var path = CorpusFiles.PathOf("test_files/rtdose_rle.dcm");
        var lazy = DicomFileReader.Read(path, new DicomReaderOptions { LazyValueThreshold = 16 });
        var fragments = ((DicomFragmentSequence)lazy.Dataset.Get(DicomTags.PixelData)!).Fragments;
        PixelDataDecoder.DecodeFrame(lazy.Dataset, lazy.TransferSyntax, 3);
        Assert.Equal([3], Enumerable.Range(0, fragments.Count).Where(i => fragments[i].IsLoaded));
    }

    /// <summary>Packed 1-bit frames that do not end on a byte boundary (PS3.5 8.1.1): pixel i is bit i % 8 of byte i / 8.</summary>
    [Fact]
    public void Packed_one_bit_frames_are_realigned_to_bit_zero()
    {
        const int rows = 3, columns = 5, frames = 4; // 15 bits per frame
        var random = new Random(7);
        var pixels = Enumerable.Range(0, rows * columns * frames).Select(_ => random.Next(2)).ToArray();
        var packed = new byte[(pixels.Length + 7) / 8];
        for (int i = 0; i < pixels.Length; i++) packed[i / 8] |= (byte)(pixels[i] << (i % 8));
        var dataset = new DicomDataset()
            .AddOrReplaceUInt16(DicomTags.SamplesPerPixel, 1).AddOrReplaceString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrReplaceIntegerString(DicomTags.NumberOfFrames, frames)
            .AddOrReplaceUInt16(DicomTags.Rows, rows).AddOrReplaceUInt16(DicomTags.Columns, columns)
            .AddOrReplaceUInt16(DicomTags.BitsAllocated, 1).AddOrReplaceUInt16(DicomTags.BitsStored, 1)
            .AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OB, packed);
        for (int f = 0; f < frames; f++)
        {
            var frame = FrameLocator.GetFrame(dataset, TransferSyntax.ExplicitVRLittleEndian, f).ToArray();
            Assert.Equal(2, frame.Length);
            for (int p = 0; p < rows * columns; p++)
                Assert.Equal(pixels[f * rows * columns + p], (frame[p / 8] >> (p % 8)) & 1);
            Assert.Equal(0, frame[1] >> 7); // the next frame's first bit is not part of this one
        }
    }

    [Fact]
    public void Single_bit_corpus_frame_is_the_whole_pixel_data()
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/liver_1frame.dcm"));
        var frame = FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, 0);
        Assert.Equal(512 * 512 / 8, frame.Length);
    }

    [Fact]
    public void Frame_index_out_of_range_is_an_argument_error()
    {
        var file = DicomFileReader.Read(CorpusFiles.PathOf("test_files/MR_small_RLE.dcm"));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameLocator.GetFrame(file.Dataset, file.TransferSyntax, 1));
    }

    [Fact]
    public void Fragments_that_cannot_be_assigned_to_frames_are_a_format_error()
    {
        // RLE frames have no start marker: 3 fragments for 2 frames and no offset table cannot be split.
        var dataset = new DicomDataset().AddOrReplaceIntegerString(DicomTags.NumberOfFrames, 2);
        var pixelData = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        for (int i = 0; i < 3; i++) pixelData.Fragments.Add(new MemoryByteSource(new byte[8]));
        dataset.AddOrReplace(pixelData);
        var e = Assert.Throws<DicomFormatException>(() => EncapsulatedFrameMap.Build(dataset, pixelData, TransferSyntax.RleLossless, 2));
        Assert.Contains("RLE Lossless", e.Message);
    }
}
