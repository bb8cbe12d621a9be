using PacsEdge.Dicom;
using PacsEdge.Dicom.Multipart;
using PacsEdge.Index.Model;

namespace PacsEdge.DicomWeb.Wado;

/// <summary>How one instance goes into a retrieve response: the stored bytes, or rewritten as Explicit VR Little Endian.</summary>
internal sealed record RetrievePlan(StoredInstance Instance, bool Transcode)
{
    public string TransferSyntaxUid => Transcode ? TransferSyntax.ExplicitVRLittleEndian.Uid : Instance.TransferSyntaxUid;
}

/// <summary>
/// Accept negotiation for study/series/instance retrieve (PS3.18 8.7.3.5): multipart/related with
/// type application/dicom. Each instance takes the first accepted range that it can be served in:
/// - transfer-syntax=* , no transfer-syntax, or a wildcard range (*/*, multipart/*): the stored bytes.
///   PS3.18 names Explicit VR Little Endian the default when the parameter is absent (Orthanc's plugin
///   transcodes then); like dcm4chee-arc we send the stored form, so that a retrieve gives back the very
///   bytes that were stored. A client that needs Explicit VR Little Endian asks for it.
/// - transfer-syntax equal to the stored one: the stored bytes.
/// - transfer-syntax=1.2.840.10008.1.2.1 on an uncompressed instance (Implicit LE, Explicit BE, Deflated):
///   rewritten as Explicit VR Little Endian. A compressed instance cannot be (there is no pixel transcoder).
/// An instance that fits no range is left out: PS3.18 10.4.3 answers 206 (Partial Content) when some of the
/// target's instances are returned and not all; when none is, 406.
/// </summary>
internal static class RetrieveNegotiation
{
    public static IReadOnlyList<RetrievePlan?> Plan(IReadOnlyList<StoredInstance> instances, IReadOnlyList<MediaType> accepted)
    {
        var plans = new RetrievePlan?[instances.Count];
        for (int i = 0; i < instances.Count; i++) plans[i] = PlanOne(instances[i], accepted);
        return plans;
    }

    private static RetrievePlan? PlanOne(StoredInstance instance, IReadOnlyList<MediaType> accepted)
    {
        foreach (var range in accepted)
        {
            string? wanted;
            if (AcceptHeader.IsWildcardForMultipart(range)) wanted = null;
            else if (AcceptHeader.RelatedType(range, DicomWebMediaTypes.ApplicationDicom) == DicomWebMediaTypes.ApplicationDicom) wanted = range.TransferSyntax;
            else continue;
            if (wanted is null || wanted == DicomWebMediaTypes.AnyTransferSyntax || wanted == instance.TransferSyntaxUid)
                return new RetrievePlan(instance, Transcode: false);
            if (wanted == TransferSyntax.ExplicitVRLittleEndian.Uid && !TransferSyntax.FromUid(instance.TransferSyntaxUid).IsEncapsulated)
                return new RetrievePlan(instance, Transcode: true);
        }
        return null;
    }
}
