using System.Text;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>
/// Writer then reader: random part counts and sizes, bodies salted with pieces of the delimiter,
/// read back with random chunk sizes from 1 byte to 64 KiB so that every delimiter, CRLF and header
/// line falls across reads somewhere, with the default buffer and with a small one.
/// </summary>
public class MultipartRoundTripTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public async Task Random_parts_come_back_byte_for_byte(int seed, bool async)
    {
        var random = new Random(seed);
        for (int iteration = 0; iteration < 60; iteration++)
        {
            var boundary = iteration % 5 == 0 ? "b" : MultipartBoundary.Generate();
            var parts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomBody(random, boundary)).ToList();
            var output = new MemoryStream();
            var writer = new MultipartWriter(output, boundary: boundary);
            for (int i = 0; i < parts.Count; i++)
            {
                var headers = new MultipartHeaders(DicomWebMediaTypes.ApplicationDicom).Add("Content-Location", $"/studies/1/instances/{i}");
                if (random.Next(2) == 0) headers.Add("Content-Length", parts[i].Length.ToString());
                await writer.WritePartAsync(headers, new MemoryStream(parts[i]));
            }
            await writer.CompleteAsync();

            int maxChunk = random.Next(4) switch { 0 => 1, 1 => random.Next(2, 64), _ => random.Next(64, 65537) };
            var options = random.Next(2) == 0 ? null : new MultipartReaderOptions { BufferSize = 1, MaxHeaderLineLength = 200 };
            var reader = MultipartReader.ForContentType(new ChunkedReadStream(output.ToArray(), random, maxChunk), writer.ContentTypeHeaderValue, options);
            bool skip = random.Next(3) == 0;
            var read = MultipartTestReading.ReadAll(reader, random, async, skipSome: skip);

            string context = $"seed {seed} iteration {iteration}, {parts.Count} parts, max chunk {maxChunk}";
            Assert.True(parts.Count == read.Count, context);
            for (int i = 0; i < parts.Count; i++)
            {
                if (read[i] is not { } part) continue; // skipped on purpose
                Assert.True(parts[i].AsSpan().SequenceEqual(part.Body), $"{context}: part {i} differs ({parts[i].Length} bytes written, {part.Body.Length} read)");
                Assert.Equal("application/dicom", part.Header("Content-Type"));
                Assert.Equal($"/studies/1/instances/{i}", part.Header("Content-Location"));
            }
        }
    }

    /// <summary>Random bytes with CR, LF, "--" and prefixes of the delimiter mixed in; never the whole delimiter.</summary>
    private static byte[] RandomBody(Random random, string boundary)
    {
        int length = random.Next(5) switch { 0 => 0, 1 => random.Next(1, 8), 2 => random.Next(8, 2000), _ => random.Next(2000, 300_000) };
        var body = new byte[length];
        random.NextBytes(body);
        var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        for (int k = random.Next(0, 40); k > 0 && length > 0; k--)
        {
            var piece = random.Next(3) switch
            {
                0 => delimiter.AsSpan(0, random.Next(1, delimiter.Length)), // cut before the last character
                1 => "\r\n"u8,
                _ => "--"u8,
            };
            int at = random.Next(0, length);
            piece[..Math.Min(piece.Length, length - at)].CopyTo(body.AsSpan(at));
        }
        // Random bytes can form the delimiter only by a vanishing chance; rule it out anyway.
        while (body.AsSpan().IndexOf(delimiter.AsSpan(1)) is var i && i >= 0) body[i + 1] ^= 0x20;
        return body;
    }

    [Fact]
    public async Task Writer_layout_and_content_type_follow_RFC_2046_and_PS3_18()
    {
        var output = new MemoryStream();
        var writer = new MultipartWriter(output, boundary: "XyZ", extraParameters: [KeyValuePair.Create("transfer-syntax", "*")]);
        await writer.WritePartAsync(new MultipartHeaders("application/dicom; transfer-syntax=1.2.840.10008.1.2.1"), "ab"u8.ToArray());
        await writer.WritePartAsync(new MultipartHeaders("application/dicom"), (s, ct) => s.WriteAsync("cd"u8.ToArray(), ct).AsTask());
        await writer.CompleteAsync();
        Assert.Equal("multipart/related; type=\"application/dicom\"; transfer-syntax=*; boundary=XyZ", writer.ContentTypeHeaderValue);
        Assert.Equal("--XyZ\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\nab\r\n--XyZ\r\nContent-Type: application/dicom\r\n\r\ncd\r\n--XyZ--\r\n",
            Encoding.ASCII.GetString(output.ToArray()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WritePartAsync(new MultipartHeaders(), ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public void Generated_boundaries_are_long_random_and_RFC_characters()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 1000; i++)
        {
            var b = MultipartBoundary.Generate();
            Assert.True(b.Length >= 32 && MultipartBoundary.IsStrictlyValid(b), b);
            Assert.True(seen.Add(b));
        }
        // Every alphabet character turns up: the generator is not stuck on a subset.
        Assert.Equal(62, seen.SelectMany(s => s).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space at end ")]
    [InlineData("semi;colon")]
    [InlineData("quote\"")]
    public void Writer_refuses_boundaries_outside_RFC_2046(string boundary) =>
        Assert.Throws<ArgumentException>(() => new MultipartWriter(Stream.Null, boundary: boundary));

    [Fact]
    public void Writer_refuses_header_injection()
    {
        Assert.Throws<ArgumentException>(() => new MultipartHeaders().Add("Content-Type", "a\r\nX: y"));
        Assert.Throws<ArgumentException>(() => new MultipartHeaders().Add("Bad Name", "x"));
    }
}
