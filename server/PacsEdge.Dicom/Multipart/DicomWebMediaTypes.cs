namespace PacsEdge.Dicom.Multipart;

/// <summary>Media types DICOMweb uses (PS3.18 8.7.3, Table 8.7.3-1 and following).</summary>
public static class DicomWebMediaTypes
{
    public const string ApplicationDicom = "application/dicom";
    public const string ApplicationDicomJson = "application/dicom+json";
    public const string ApplicationDicomXml = "application/dicom+xml";
    public const string ApplicationOctetStream = "application/octet-stream";
    public const string MultipartRelated = "multipart/related";

    /// <summary>The transfer-syntax parameter value that asks for the stored form (PS3.18 8.7.3.5.2).</summary>
    public const string AnyTransferSyntax = "*";
}
