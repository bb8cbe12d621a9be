using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Server.Instances;

namespace PacsEdge.Server.Tests.Instances;

public sealed class FrameLayoutCacheTests
{
    // Pixel data in memory: a layout of weight 1 that takes the parsed path.
    private static FrameLayout Layout(int frames) => FrameLayout.Of(new DicomFile(new DicomDataset(),
        new DicomDataset().AddOrReplaceIntegerString(DicomTags.NumberOfFrames, frames).AddOrReplaceBytes(DicomTags.PixelData, DicomVR.OB, new byte[4]),
        TransferSyntax.ExplicitVRLittleEndian));

    [Fact]
    public void Past_its_bound_the_least_recently_used_layouts_go_first()
    {
        var cache = new FrameLayoutCache(maxWeight: 100);
        for (int i = 0; i < 100; i++) cache.Add($"key{i}", Layout(i + 1));
        Assert.True(cache.TryGet("key0", out _)); // key0 is now the most recently used
        cache.Add("key100", Layout(101));

        Assert.InRange(cache.Count, 80, 100);
        Assert.True(cache.TryGet("key0", out var kept));
        Assert.Equal(1, kept.FrameCount);
        Assert.False(cache.TryGet("key1", out _));
        Assert.True(cache.TryGet("key100", out var newest));
        Assert.Equal(101, newest.FrameCount);
    }

    [Fact]
    public void A_key_keeps_the_layout_first_added_for_it()
    {
        var cache = new FrameLayoutCache();
        cache.Add("same", Layout(3));
        cache.Add("same", Layout(7));
        Assert.True(cache.TryGet("same", out var layout));
        Assert.Equal(3, layout.FrameCount);
        Assert.False(layout.Streamable);
    }
}
