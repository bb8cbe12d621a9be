using System.Text.Json;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Testing;

namespace PacsEdge.Dicom.Tests.Multipart;

/// <summary>Content-Type and Accept values from PS3.18's examples and OHIF 3.13's requests.</summary>
public class MediaTypeTests
{
    [Theory]
    // PS3.18 10.5.1.2 (STOW-RS request) and 8.7.3 (WADO-RS accept), and OHIF's quoted form.
    [InlineData("multipart/related; type=\"application/dicom\"", "multipart/related", "application/dicom", null)]
    [InlineData("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50", "multipart/related", "application/dicom", "1.2.840.10008.1.2.4.50")]
    [InlineData("multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1", "multipart/related", "application/octet-stream", "1.2.840.10008.1.2.1")]
    // OHIF 3.13 sends the type unquoted although '/' is not a token character.
    [InlineData("multipart/related; type=application/octet-stream; transfer-syntax=*", "multipart/related", "application/octet-stream", "*")]
    [InlineData("application/dicom; transfer-syntax=*", "application/dicom", null, "*")]
    [InlineData("application/dicom+json", "application/dicom+json", null, null)]
    [InlineData("  Multipart/Related ;TYPE=\"Application/DICOM\" ;  Transfer-Syntax = *  ", "multipart/related", "Application/DICOM", "*")]
    [InlineData("multipart/related;;type=\"application/dicom\";", "multipart/related", "application/dicom", null)]
    public void Parses_DICOMweb_content_types(string value, string essence, string? relatedType, string? transferSyntax)
    {
        var m = MediaType.Parse(value);
        Assert.Equal(essence, m.Essence);
        Assert.Equal(relatedType, m.RelatedType);
        Assert.Equal(transferSyntax, m.TransferSyntax);
        Assert.Equal(1.0, m.Quality);
    }

    [Fact]
    public void Parameter_names_ignore_case_but_values_keep_it()
    {
        var m = MediaType.Parse("multipart/related; BOUNDARY=AbC-123; Type=\"application/dicom\"");
        Assert.Equal("AbC-123", m.Boundary);
        Assert.Equal("AbC-123", m.GetParameter("Boundary"));
        Assert.Equal(["boundary", "type"], m.Parameters.Select(p => p.Key));
        Assert.True(m.Is("MULTIPART/related"));
    }

    [Theory]
    [InlineData("multipart/related; boundary=\"a\\\"b\\\\c\"", "a\"b\\c")]
    [InlineData("multipart/related; boundary=\"with space; and, comma\"", "with space; and, comma")]
    [InlineData("multipart/related; boundary=\"\\x\"", "x")]
    [InlineData("multipart/related; boundary=\"\"", "")]
    [InlineData("multipart/related; boundary=\"===============7159173316424010151==\"", "===============7159173316424010151==")]
    public void Quoted_strings_are_unescaped(string value, string boundary) =>
        Assert.Equal(boundary, MediaType.Parse(value).Boundary);

    [Fact]
    public void Accept_list_from_PS3_18_is_ordered_by_weight_keeping_order_among_equals()
    {
        var list = MediaType.ParseAccept(
            "multipart/related; type=\"application/dicom\"; transfer-syntax=*, application/dicom+json;q=0.5, " +
            "multipart/related; type=application/octet-stream; transfer-syntax=*;q=1.0, */*;q=0.001");
        Assert.Equal(["multipart/related", "multipart/related", "application/dicom+json", "*/*"], list.Select(m => m.Essence));
        Assert.Equal("application/dicom", list[0].RelatedType);
        Assert.Equal("*", list[0].TransferSyntax);
        Assert.Equal("application/octet-stream", list[1].RelatedType);
        Assert.Equal([1.0, 1.0, 0.5, 0.001], list.Select(m => m.Quality));
    }

    [Fact]
    public void Accept_extensions_after_q_are_not_media_type_parameters()
    {
        var m = Assert.Single(MediaType.ParseAccept("application/dicom; transfer-syntax=*; q=0.7; level=1"));
        Assert.Equal(0.7, m.Quality);
        Assert.Equal(["transfer-syntax"], m.Parameters.Select(p => p.Key));
    }

    [Fact]
    public void Accept_tolerates_Java_default_header_and_empty_elements()
    {
        // HttpURLConnection's default Accept: a bare "*" and ".2" weights.
        var list = MediaType.ParseAccept("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2, ,");
        Assert.Equal(["text/html", "image/gif", "image/jpeg", "*/*", "*/*"], list.Select(m => m.Essence));
        Assert.Equal(0.2, list[^1].Quality);
        Assert.True(MediaType.Parse("application/dicom").IsWithin(list[^1]));
        Assert.False(MediaType.Parse("application/dicom").IsWithin(list[0]));
        Assert.True(MediaType.Parse("multipart/related").IsWithin(MediaType.ParseAccept("multipart/*")[0]));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("multipart", 9)]
    [InlineData("multipart/", 10)]
    [InlineData("/related", 0)]
    [InlineData("multipart/related; type", 23)]
    [InlineData("multipart/related; type=", 24)]
    [InlineData("multipart/related; type=\"application/dicom", 24)]
    [InlineData("multipart/related; boundary=a; BOUNDARY=b", 31)]
    [InlineData("multipart/related garbage", 18)]
    [InlineData("mult@part/related", 4)]
    [InlineData("multipart/related; boundary=\"a\u0001b\"", 30)]
    [InlineData("multipart/related; boundary=\"a\\", 28)]
    [InlineData("multipart/related; =x", 19)]
    [InlineData("*/related", 2)]
    public void Malformed_content_types_fail_with_reason_and_position(string value, int position)
    {
        var e = Assert.Throws<MediaTypeFormatException>(() => MediaType.Parse(value));
        Assert.Equal(position, e.Position);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        Assert.Contains(e.Reason, e.Message);
        Assert.False(MediaType.TryParse(value, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Theory]
    [InlineData("application/dicom;q=2")]
    [InlineData("application/dicom;q=0.1234")]
    [InlineData("application/dicom;q=-1")]
    [InlineData("application/dicom;q=1.5")]
    [InlineData("application/dicom;q=")]
    [InlineData("application/dicom;q=abc")]
    [InlineData("application/dicom application/json")]
    [InlineData("application/dicom,, text/plain; x")]
    public void Malformed_accept_lists_fail(string value) =>
        Assert.Throws<MediaTypeFormatException>(() => MediaType.ParseAccept(value));

    [Theory]
    [InlineData("multipart/related; type=\"application/dicom\"; boundary=abc", "multipart/related; type=\"application/dicom\"; boundary=abc")]
    [InlineData("Multipart/Related; Type=application/octet-stream; transfer-syntax=*", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")]
    [InlineData("text/plain; x=\"a\\\"b\"", "text/plain; x=\"a\\\"b\"")]
    public void Formats_in_RFC_9110_form_and_parses_back(string value, string expected)
    {
        var m = MediaType.Parse(value);
        Assert.Equal(expected, m.ToString());
        var again = MediaType.Parse(m.ToString());
        Assert.Equal(m.Parameters, again.Parameters);
        Assert.Equal(m.Essence, again.Essence);
    }

    /// <summary>
    /// Python's email header parser (RFC 2045 rules) as referee, on every value it reads without a
    /// defect: the same essence and the same parameters. (It reports OHIF's unquoted type as a defect,
    /// as MIME's tspecials include '/', so that form is checked above instead.)
    /// </summary>
    [Fact]
    public void Parameters_agree_with_Python_email_headerregistry()
    {
        string[] values =
        [
            "multipart/related; type=\"application/dicom\"; boundary=AbC",
            "multipart/related; type=\"application/dicom\"; boundary=\"===============7159173316424010151==\"",
            "MULTIPART/RELATED; TYPE=\"application/dicom+xml\"; Boundary=\"x y\"",
            "application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50",
            "multipart/related; boundary=\"a\\\"b\\\\c\"; start=\"<root@x>\"; start-info=\"-o ps\"",
            "image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.70",
            "multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1",
        ];
        var python = JsonDocument.Parse(ExternalTool.RunChecked("/usr/bin/python3",
            [RepoPaths.Of("tests", "PacsEdge.Dicom.Tests", "Multipart", "python_email_multipart.py"), "params"],
            stdin: JsonSerializer.Serialize(values)).StdOut).RootElement;
        for (int i = 0; i < values.Length; i++)
        {
            var referee = python[i];
            Assert.True(referee.GetProperty("defects").GetArrayLength() == 0, $"Python finds defects in {values[i]}");
            var ours = MediaType.Parse(values[i]);
            Assert.Equal(referee.GetProperty("essence").GetString(), ours.Essence);
            var expected = referee.GetProperty("params").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!));
            Assert.Equal(expected.OrderBy(p => p.Key), ours.Parameters.OrderBy(p => p.Key));
        }
    }
}
