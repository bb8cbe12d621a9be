using System.Globalization;
using System.Text;

namespace PacsEdge.Dicom.Multipart;

/// <summary>
/// One media type with its parameters, as in a Content-Type header or one element of an Accept
/// header (RFC 9110 sections 8.3.1 and 12.5.1), e.g. DICOMweb's
/// <c>multipart/related; type="application/dicom"; transfer-syntax=*</c> (PS3.18 8.7.3).
/// Type, subtype and parameter names are compared case-insensitively and kept in lower case;
/// parameter values are kept as sent (unquoted), because some are case-sensitive (boundary).
/// </summary>
public sealed class MediaType
{
    private readonly KeyValuePair<string, string>[] _parameters;

    public MediaType(string type, string subtype, IEnumerable<KeyValuePair<string, string>>? parameters = null, double quality = 1.0)
    {
        if (!HttpGrammar.IsToken(type)) throw new ArgumentException($"'{type}' is not a token", nameof(type));
        if (!HttpGrammar.IsToken(subtype)) throw new ArgumentException($"'{subtype}' is not a token", nameof(subtype));
        if (quality is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(quality));
        Type = type.ToLowerInvariant();
        Subtype = subtype.ToLowerInvariant();
        _parameters = (parameters ?? []).Select(p =>
        {
            if (!HttpGrammar.IsToken(p.Key)) throw new ArgumentException($"parameter name '{p.Key}' is not a token", nameof(parameters));
            if (p.Value.Any(c => c < ' ' && c != '\t' || c == '\x7F')) throw new ArgumentException($"parameter '{p.Key}' holds a control character", nameof(parameters));
            return KeyValuePair.Create(p.Key.ToLowerInvariant(), p.Value);
        }).ToArray();
        Quality = quality;
    }

    /// <summary>The top-level type in lower case, e.g. "multipart"; "*" in an Accept range.</summary>
    public string Type { get; }

    /// <summary>The subtype in lower case, e.g. "related".</summary>
    public string Subtype { get; }

    /// <summary>"type/subtype" without parameters, in lower case.</summary>
    public string Essence => Type + "/" + Subtype;

    /// <summary>Parameters in the order sent, names in lower case, values unquoted. Excludes an Accept element's q and what follows it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>The Accept weight (q parameter), 1 when absent; always 1 for a Content-Type.</summary>
    public double Quality { get; }

    /// <summary>The value of a parameter (name compared case-insensitively), or null.</summary>
    public string? GetParameter(string name)
    {
        foreach (var p in _parameters)
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    /// <summary>The multipart boundary parameter (RFC 2046 5.1.1).</summary>
    public string? Boundary => GetParameter("boundary");

    /// <summary>The type parameter of multipart/related (RFC 2387 3.1), e.g. application/dicom.</summary>
    public string? RelatedType => GetParameter("type");

    /// <summary>DICOMweb's transfer-syntax parameter (PS3.18 8.7.3.5.2): a UID or "*".</summary>
    public string? TransferSyntax => GetParameter("transfer-syntax");

    /// <summary>True when the essence equals <paramref name="essence"/> ("type/subtype"), ignoring case and parameters.</summary>
    public bool Is(string essence) => string.Equals(Essence, essence, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when this (concrete) type falls inside the Accept range <paramref name="range"/> (*/*, type/*, type/subtype); parameters are not compared.</summary>
    public bool IsWithin(MediaType range) =>
        range.Type == "*" || (range.Type == Type && (range.Subtype == "*" || range.Subtype == Subtype));

    /// <summary>Parses a Content-Type value; throws <see cref="MediaTypeFormatException"/> with the reason and position.</summary>
    public static MediaType Parse(string value) => MediaTypeParser.ParseSingle(value);

    /// <summary>Like <see cref="Parse"/>, returning false (and the reason in <paramref name="error"/>) instead of throwing.</summary>
    public static bool TryParse(string? value, out MediaType? result, out string? error)
    {
        result = null;
        error = null;
        if (value is null) { error = "no media type"; return false; }
        try { result = Parse(value); return true; }
        catch (MediaTypeFormatException e) { error = e.Message; return false; }
    }

    /// <summary>
    /// Parses an Accept header (a comma-separated list with q weights) and returns the elements from
    /// the highest weight to the lowest, keeping the sent order among equal weights. Elements with q=0
    /// ("not acceptable") are kept, so a caller can honour them.
    /// </summary>
    public static IReadOnlyList<MediaType> ParseAccept(string value) => MediaTypeParser.ParseAccept(value);

    /// <summary>RFC 9110 form: <c>type/subtype; name=value</c>, values quoted when they are not tokens; q appended when below 1.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Essence);
        foreach (var p in _parameters) sb.Append("; ").Append(p.Key).Append('=').Append(HttpGrammar.QuoteIfNeeded(p.Value));
        if (Quality < 1) sb.Append(";q=").Append(Quality.ToString("0.###", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
