using System.Net;
using System.Xml.Linq;
using PacsEdge.Dicom;
using PacsEdge.Dicom.IO;
using static PacsEdge.DicomWeb.Tests.Stow.StowClient;

namespace PacsEdge.DicomWeb.Tests.Stow;

/// <summary>Accept: application/dicom+xml gives the response module in the Native DICOM Model (PS3.19 A.1).</summary>
public sealed class StowXmlResponseTests
{
    [Theory]
    [InlineData("application/dicom+xml")]
    [InlineData("application/dicom+json;q=0.5, application/dicom+xml")]
    public async Task The_XML_response_parses_and_has_the_module_structure(string accept)
    {
        await using var server = await InProcessServer.StartAsync();
        var ct = Corpus("CT_small.dcm");
        var body = Body(("application/dicom", ct), ("application/dicom", "not DICOM"u8.ToArray()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicom-web/studies") { Content = Content(body) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/dicom+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = doc.Root!.Name.Namespace;
        Assert.Equal("NativeDicomModel", doc.Root.Name.LocalName);
        XElement Attr(XElement parent, string tag) => Assert.Single(parent.Elements(ns + "DicomAttribute"), e => (string?)e.Attribute("tag") == tag);

        var ds = DicomFileReader.Read(ct).Dataset;
        var referenced = Attr(doc.Root, ReferencedSops);
        Assert.Equal("SQ", (string?)referenced.Attribute("vr"));
        var item = Assert.Single(referenced.Elements(ns + "Item"));
        Assert.Equal(ds.GetString(DicomTags.SOPInstanceUID), Attr(item, SopInstance).Element(ns + "Value")?.Value);
        Assert.Equal(ds.GetString(DicomTags.SOPClassUID), Attr(item, SopClass).Element(ns + "Value")?.Value);
        Assert.StartsWith("http://", Attr(item, RetrieveUrl).Element(ns + "Value")?.Value);

        var failed = Assert.Single(Attr(doc.Root, FailedSops).Elements(ns + "Item"));
        Assert.Equal("US", (string?)Attr(failed, FailureReason).Attribute("vr"));
        Assert.Equal("49152", Attr(failed, FailureReason).Element(ns + "Value")?.Value);
    }
}
