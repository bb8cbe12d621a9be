namespace PacsEdge.Index.Storage;

// Small row classes Dapper fills (settable properties: Dapper converts INTEGER/BIGINT as needed).

internal sealed class StudyKeys
{
    public long StudyKey { get; set; }
    public long PatientKey { get; set; }
}

internal sealed class SeriesKeys
{
    public long SeriesKey { get; set; }
    public long StudyKey { get; set; }
}

internal sealed class ExistingInstance
{
    public long InstanceKey { get; set; }
    public long SeriesKey { get; set; }
    public string Sha256 { get; set; } = "";
    public string BlobKey { get; set; } = "";
    public string SeriesUid { get; set; } = "";
    public string StudyUid { get; set; } = "";
}
