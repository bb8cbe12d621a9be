namespace PacsEdge.Index.Schema;

/// <summary>How a stored attribute is matched (PS3.4 C.2.2.2), chosen from its VR.</summary>
public enum MatchKind
{
    /// <summary>Single value (exact, case-sensitive) or wildcard * ? (LO, SH, CS, AE, ...).</summary>
    Text,
    /// <summary>PN: single value/wildcard case- and accent-insensitive; fuzzy matching on name components.</summary>
    PersonName,
    /// <summary>UI: list of UIDs (',' or '\' separated), no wildcards.</summary>
    Uid,
    /// <summary>DA: single value or range.</summary>
    Date,
    /// <summary>TM: single value or range.</summary>
    Time,
    /// <summary>DT: single value or range.</summary>
    DateTime,
    /// <summary>IS/US/UL/SS/SL: single integer value.</summary>
    Integer,
    /// <summary>ModalitiesInStudy: matches when any series of the study has one of the listed modalities.</summary>
    ModalitiesInStudy,
    /// <summary>Computed counters: return keys only, never matched.</summary>
    ReturnOnly,
}
