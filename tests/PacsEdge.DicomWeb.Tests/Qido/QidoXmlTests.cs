using System.Net;
using System.Text;
using System.Xml.Linq;
using PacsEdge.Dicom.Multipart;
using static PacsEdge.DicomWeb.Tests.Qido.QidoFixture;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>QIDO-RS's XML form (PS3.18 10.6.3.2): multipart/related; type="application/dicom+xml", one Native DICOM Model document per match.</summary>
public sealed class QidoXmlTests(SqliteQidoFixture fixture) : IClassFixture<SqliteQidoFixture>
{
    private static readonly XNamespace Ns = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    [Theory]
    [InlineData("multipart/related; type=\"application/dicom+xml\"")]
    [InlineData("multipart/related; type=application/dicom+xml")]
    [InlineData("application/dicom+json;q=0.5, multipart/related; type=\"application/dicom+xml\"")]
    public async Task Each_match_is_one_native_dicom_model_part(string accept)
    {
        var (contentType, parts) = await GetPartsAsync($"/dicom-web/studies/{StudyA}/series", accept);
        Assert.Equal("multipart/related", contentType.Essence);
        Assert.Equal("application/dicom+xml", contentType.RelatedType);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal("application/dicom+xml", p.ContentType));
        var first = XDocument.Parse(parts[0].Body);
        Assert.Equal(Ns + "NativeDicomModel", first.Root!.Name);
        var attributes = first.Root.Elements(Ns + "DicomAttribute").ToList();
        Assert.Equal(attributes.Select(a => a.Attribute("tag")!.Value).Order(StringComparer.Ordinal), attributes.Select(a => a.Attribute("tag")!.Value));
        XElement Attr(string tag) => attributes.Single(a => a.Attribute("tag")!.Value == tag);
        Assert.Equal(SeriesA1, Attr(Tags.SeriesInstanceUid).Element(Ns + "Value")!.Value);
        Assert.Equal("SeriesInstanceUID", Attr(Tags.SeriesInstanceUid).Attribute("keyword")!.Value);
        Assert.Equal("UI", Attr(Tags.SeriesInstanceUid).Attribute("vr")!.Value);
        Assert.Equal("1", Attr(Tags.SeriesInstanceUid).Element(Ns + "Value")!.Attribute("number")!.Value);
        Assert.Equal("3", Attr(Tags.NumberOfSeriesRelatedInstances).Element(Ns + "Value")!.Value);
        Assert.Equal("IS", Attr(Tags.SeriesNumber).Attribute("vr")!.Value);
    }

    [Fact]
    public async Task Person_names_are_split_into_components_in_xml()
    {
        var (_, parts) = await GetPartsAsync($"/dicom-web/studies?StudyInstanceUID={StudyA}", "multipart/related; type=\"application/dicom+xml\"");
        var doc = XDocument.Parse(Assert.Single(parts).Body);
        var name = doc.Root!.Elements(Ns + "DicomAttribute").Single(a => a.Attribute("tag")!.Value == Tags.PatientName);
        var alphabetic = name.Element(Ns + "PersonName")!.Element(Ns + "Alphabetic")!;
        Assert.Equal("Müller", alphabetic.Element(Ns + "FamilyName")!.Value);
        Assert.Equal("Hans", alphabetic.Element(Ns + "GivenName")!.Value);
    }

    [Fact]
    public async Task No_match_in_xml_is_200_with_an_empty_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dicom-web/studies?PatientID=nobody");
        request.Headers.TryAddWithoutValidation("Accept", "multipart/related; type=\"application/dicom+xml\"");
        var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(MediaType ContentType, List<(string ContentType, string Body)> Parts)> GetPartsAsync(string uri, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = MediaType.Parse(response.Content.Headers.GetValues("Content-Type").Single());
        var body = await response.Content.ReadAsByteArrayAsync();
        return (contentType, SplitParts(body, contentType.Boundary!));
    }

    /// <summary>A plain RFC 2046 split, written here so the test does not trust the server's own multipart reader.</summary>
    private static List<(string ContentType, string Body)> SplitParts(byte[] body, string boundary)
    {
        var text = Encoding.UTF8.GetString(body);
        var delimiter = "--" + boundary;
        Assert.StartsWith(delimiter + "\r\n", text);
        Assert.EndsWith(delimiter + "--\r\n", text);
        var parts = new List<(string, string)>();
        foreach (var chunk in text.Split(delimiter)[1..^1])
        {
            var part = chunk.StartsWith("\r\n") ? chunk[2..] : chunk;
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = part[..split].Split("\r\n");
            var contentType = headers.Single(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))["Content-Type:".Length..].Trim();
            var partBody = part[(split + 4)..];
            if (partBody.EndsWith("\r\n")) partBody = partBody[..^2];
            parts.Add((contentType, partBody));
        }
        return parts;
    }
}
