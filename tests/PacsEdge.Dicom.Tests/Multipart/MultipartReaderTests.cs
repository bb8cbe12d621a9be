using System.Text;
using PacsEdge.Dicom.Multipart;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>Hand-built bodies: what curl, browsers and sloppy clients send, and what must be refused.</summary>
public class MultipartReaderTests
{
    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    private static List<ReadPart> Read(string body, string boundary, int maxChunk = 65536, MultipartReaderOptions? options = null)
    {
        // Every body is read four ways (sync/async, whole/1-byte reads) and must give the same parts.
        var results = new[] { (false, maxChunk), (true, maxChunk), (false, 1), (true, 3) }
            .Select(c => MultipartTestReading.ReadAll(Ascii(body), boundary, maxChunk: c.Item2, async: c.Item1, options: options).Select(p => p!).ToList())
            .ToList();
        foreach (var other in results.Skip(1))
        {
            Assert.Equal(results[0].Count, other.Count);
            for (int i = 0; i < other.Count; i++)
            {
                Assert.Equal(results[0][i].Body, other[i].Body);
                Assert.Equal(results[0][i].Headers, other[i].Headers);
            }
        }
        return results[0];
    }

    private static MultipartFormatException Fails(string body, string boundary, MultipartReaderOptions? options = null)
    {
        var sync = Assert.Throws<MultipartFormatException>(() => MultipartTestReading.ReadAll(Ascii(body), boundary, maxChunk: 7, options: options));
        var async = Assert.Throws<MultipartFormatException>(() => MultipartTestReading.ReadAll(Ascii(body), boundary, maxChunk: 65536, async: true, options: options));
        Assert.Equal(sync.Reason, async.Reason);
        Assert.Equal(sync.Offset, async.Offset);
        return sync;
    }

    [Fact]
    public void Reads_a_curl_form_style_body()
    {
        // The shape curl --form writes (boundary of dashes and hex, Content-Disposition, CRLF).
        const string b = "------------------------d74496d66958873e";
        var body = $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.dcm\"\r\nContent-Type: application/dicom\r\n\r\n" +
                   "DICM\r\n--\r\n-\0\xff" + $"\r\n--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--{b}--\r\n";
        var parts = Read(body, b);
        Assert.Equal(2, parts.Count);
        Assert.Equal(Ascii("DICM\r\n--\r\n-\0\xff"), parts[0].Body);
        Assert.Equal("application/dicom", parts[0].Header("content-type"));
        Assert.Equal("form-data; name=\"file\"; filename=\"a.dcm\"", parts[0].Header("Content-Disposition"));
        Assert.Equal("hello", Encoding.ASCII.GetString(parts[1].Body));
    }

    [Fact]
    public void Preamble_and_epilogue_are_ignored()
    {
        var body = "This is the preamble.\r\n--b\r\nX: not --b here\r\n\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--\r\nepilogue --b\r\n--b\r\nX: y\r\n\r\n";
        var parts = Read(body, "b");
        Assert.Equal(["", "one", "two"], parts.Select(p => Encoding.ASCII.GetString(p.Body)));
        Assert.Equal("not --b here", parts[0].Header("x"));
        Assert.Equal("text/plain", parts[1].Header("content-type"));
        Assert.Empty(parts[2].Headers);
    }

    [Fact]
    public void Bare_LF_line_endings_are_tolerated()
    {
        var parts = Read("--b\nContent-Type: application/dicom\n\nline1\r\nline2\n\n--b\n\nx\n--b--", "b");
        Assert.Equal(["line1\r\nline2\n", "x"], parts.Select(p => Encoding.ASCII.GetString(p.Body)));
    }

    [Fact]
    public void Transport_padding_after_boundaries_is_skipped()
    {
        var parts = Read("--b \t \r\nA: 1\r\n\r\none\r\n--b\t\r\n\r\ntwo\r\n--b--  \r\n", "b");
        Assert.Equal(["one", "two"], parts.Select(p => Encoding.ASCII.GetString(p.Body)));
        Assert.Equal("1", parts[0].Header("a"));
    }

    [Fact]
    public void Folded_and_spaced_headers_are_unfolded_and_trimmed()
    {
        var parts = Read("--b\r\nContent-Type:   multipart/related;\r\n\ttype=\"application/dicom\"  \r\nContent-ID:<x@y>\r\n\r\nz\r\n--b--", "b");
        Assert.Equal("multipart/related; type=\"application/dicom\"", parts[0].Header("Content-Type"));
        Assert.Equal("<x@y>", parts[0].Header("content-id"));
    }

    [Fact]
    public void Part_properties_and_content_type_parse()
    {
        var body = Ascii("--b\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\nContent-Location: http://h/studies/1\r\nContent-ID: <p1>\r\nContent-Length: 3\r\n\r\nabc\r\n--b--\r\n");
        var reader = new MultipartReader(new MemoryStream(body), "b");
        var part = reader.ReadNextPart()!;
        Assert.Equal(0, part.Index);
        Assert.Equal("http://h/studies/1", part.ContentLocation);
        Assert.Equal("<p1>", part.ContentId);
        Assert.Equal(3, part.DeclaredLength);
        Assert.Equal("1.2.840.10008.1.2.1", part.ParseContentType()!.TransferSyntax);
        Assert.Equal("abc", new StreamReader(part.Body).ReadToEnd());
        Assert.Null(reader.ReadNextPart());
        Assert.Null(reader.ReadNextPart());
        Assert.Equal(1, reader.PartCount);
    }

    [Fact]
    public void An_unread_body_is_skipped_and_its_stream_then_refuses_reads()
    {
        var reader = new MultipartReader(new MemoryStream(Ascii("--b\r\n\r\n" + new string('x', 200_000) + "\r\n--b\r\n\r\nsecond\r\n--b--")), "b");
        var first = reader.ReadNextPart()!;
        Assert.Equal('x', (char)first.Body.ReadByte());
        var second = reader.ReadNextPart()!;
        Assert.Equal("second", new StreamReader(second.Body).ReadToEnd());
        Assert.Throws<InvalidOperationException>(() => first.Body.ReadByte());
    }

    [Fact]
    public void ForContentType_takes_the_boundary_from_OHIF_and_PS3_18_headers()
    {
        var body = Ascii("--Abc=\r\n\r\nx\r\n--Abc=--");
        foreach (var ct in new[] { "multipart/related; type=application/dicom; boundary=\"Abc=\"", "Multipart/Related; Boundary=Abc=; type=\"application/dicom\"" })
            Assert.Equal("x", new StreamReader(MultipartReader.ForContentType(new MemoryStream(body), ct).ReadNextPart()!.Body).ReadToEnd());
        Assert.Throws<MediaTypeFormatException>(() => MultipartReader.ForContentType(Stream.Null, "application/dicom"));
        Assert.Throws<MediaTypeFormatException>(() => MultipartReader.ForContentType(Stream.Null, "multipart/related; type=\"application/dicom\""));
        Assert.Throws<MediaTypeFormatException>(() => MultipartReader.ForContentType(Stream.Null, "multipart/related; boundary=\"x"));
        Assert.Throws<MultipartFormatException>(() => MultipartReader.ForContentType(Stream.Null, "multipart/related; boundary=" + new string('a', MultipartBoundary.MaxReadLength + 1)));
        Assert.Throws<MultipartFormatException>(() => MultipartReader.ForContentType(Stream.Null, "multipart/related; boundary=\"\""));
        Assert.Throws<MultipartFormatException>(() => MultipartReader.ForContentType(Stream.Null, "multipart/related; boundary=\"ab \""));
        // 70 characters is the RFC's maximum and still fine; so is Orthanc 1.10's STOW-RS boundary (two GUIDs, 73).
        var b70 = new string('z', 70);
        Assert.Single(Read($"--{b70}\r\n\r\n1\r\n--{b70}--", b70));
        var orthanc = "91d39d9b-4df1-458b-9e20-f20cd27a5f2b-91d39d9b-4df1-458b-9e20-f20cd27a5f2b";
        Assert.Single(Read($"--{orthanc}\r\n\r\n1\r\n--{orthanc}--", orthanc));
    }

    [Fact]
    public void A_declared_Content_Length_is_checked_against_the_boundary()
    {
        Assert.Single(Read("--b\r\nContent-Length: 5\r\n\r\n12345\r\n--b--", "b"));
        Assert.Contains("Content-Length says 9", Fails("--b\r\nContent-Length: 9\r\n\r\n12345\r\n--b--", "b").Reason);
        Assert.Contains("longer than its Content-Length", Fails("--b\r\nContent-Length: 2\r\n\r\n12345\r\n--b--", "b").Reason);
        Assert.Contains("invalid Content-Length", Fails("--b\r\nContent-Length: -1\r\n\r\n1\r\n--b--", "b").Reason);
        Assert.Contains("more than one Content-Length", Fails("--b\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n1\r\n--b--", "b").Reason);
        // Told not to check, the reader still ends the part at the boundary.
        var lenient = new MultipartReaderOptions { RejectContentLengthMismatch = false };
        Assert.Equal("12345", Encoding.ASCII.GetString(Read("--b\r\nContent-Length: 2\r\n\r\n12345\r\n--b--", "b", options: lenient)[0].Body));
    }

    [Theory]
    [InlineData("", "holds no boundary")]
    [InlineData("no boundary at all\r\n", "holds no boundary")]
    [InlineData("--c\r\n\r\nx\r\n--c--", "holds no boundary")]
    [InlineData("--b", "ends right after a boundary")]
    [InlineData("--b\r\n\r\ntruncated part", "without a boundary delimiter after it")]
    [InlineData("--b\r\n\r\nx\r\n--b", "ends right after a boundary")]
    [InlineData("--b\r\n\r\nx\r\n--b-", "inside the close delimiter")]
    [InlineData("--b\r\n\r\nx\r\n--b  ", "without a line break")]
    [InlineData("--b\r\n\r\nx\r\n--b\r", "without a line break")]
    [InlineData("--b\r\nContent-Type: a", "inside the headers")]
    [InlineData("--b\r\nContent-Type: a\r\n", "inside the headers")]
    [InlineData("--b\r\nno colon here\r\n\r\nx\r\n--b--", "has no ':'")]
    [InlineData("--b\r\nBad Name: x\r\n\r\nx\r\n--b--", "not a valid header name")]
    [InlineData("--b\r\n continued: x\r\n\r\nx\r\n--b--", "folded header")]
    [InlineData("--b\r\nA: x\0y\r\n\r\nx\r\n--b--", "control byte 0x00")]
    [InlineData("--b\r\nA: x\ry\r\n\r\nx\r\n--b--", "control byte 0x0D")]
    [InlineData("--bX\r\n\r\nx\r\n--b--", "instead of a line break")]
    [InlineData("--b\r\n\r\nx\r\n--b-x", "instead of a line break or '--'")]
    [InlineData("--b\r\n\r\nx\r\n--bb\r\n\r\n\r\n--b--", "instead of a line break")]
    public void Malformed_bodies_fail_with_MultipartFormatException(string body, string reason) =>
        Assert.Contains(reason, Fails(body, "b").Reason);

    [Fact]
    public void Header_limits_are_enforced()
    {
        var options = new MultipartReaderOptions { MaxHeaderLineLength = 100, MaxHeaderCount = 3, MaxHeadersLength = 250 };
        Assert.Single(Read($"--b\r\nA: {new string('a', 97)}\r\n\r\nx\r\n--b--", "b", options: options));
        Assert.Contains("longer than 100 bytes", Fails($"--b\r\nA: {new string('a', 98)}\r\n\r\nx\r\n--b--", "b", options).Reason);
        Assert.Contains("longer than 100 bytes", Fails($"--b\r\nA: {new string('a', 10_000)}", "b", options).Reason);
        Assert.Contains("more than 3 headers", Fails("--b\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nx\r\n--b--", "b", options).Reason);
        var folded = string.Concat(Enumerable.Repeat($" {new string('f', 90)}\r\n", 3));
        Assert.Contains("headers of part 0 are longer than 250", Fails($"--b\r\nA: 1\r\n{folded}\r\nx\r\n--b--", "b", options).Reason);
    }

    [Fact]
    public void Other_limits_are_enforced()
    {
        Assert.Contains("within the first 1000 bytes", Fails(new string('p', 5000) + "\r\n--b\r\n\r\nx\r\n--b--", "b", new() { MaxPreambleLength = 1000 }).Reason);
        Assert.Contains("more than 10 bytes of padding", Fails("--b" + new string(' ', 11) + "\r\n\r\nx\r\n--b--", "b", new() { MaxTransportPadding = 10 }).Reason);
        Assert.Contains("longer than the limit of 4", Fails("--b\r\n\r\n12345\r\n--b--", "b", new() { MaxPartBodyLength = 4 }).Reason);
        Assert.Contains("more than 1 parts", Fails("--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--", "b", new() { MaxPartCount = 1 }).Reason);
    }

    [Fact]
    public void After_an_error_the_reader_keeps_failing_with_the_typed_exception()
    {
        var reader = new MultipartReader(new MemoryStream(Ascii("--b\r\n\r\nabc")), "b");
        var part = reader.ReadNextPart()!;
        var first = Assert.Throws<MultipartFormatException>(() => new StreamReader(part.Body).ReadToEnd());
        Assert.Equal(7, first.Offset);
        var again = Assert.Throws<MultipartFormatException>(() => reader.ReadNextPart());
        Assert.Equal(first.Reason, again.Reason);
        Assert.Throws<MultipartFormatException>(() => part.Body.ReadByte());
    }

    [Fact]
    public void A_close_delimiter_alone_is_a_body_without_parts() =>
        Assert.Empty(Read("--b--\r\n", "b"));
}
