using System.Globalization;
using Microsoft.AspNetCore.Http;
using PacsEdge.Dicom;
using PacsEdge.Index.Model;
using PacsEdge.Plugins.Errors;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// Reads a QIDO-RS query string (PS3.18 8.3.4): {attributeID}={value} matching keys (keyword or hex tag), includefield,
/// fuzzymatching, limit, offset. ASP.NET has already percent-decoded names and values, so "PatientName=DOE%2A" arrives as
/// the wildcard "DOE*" and "includefield=00081030%2C00080060" as a comma list. Malformed input throws a 400
/// (<see cref="ErrorCode.InvalidParameter"/>) naming the parameter; what the server merely does not support becomes a warning.
/// </summary>
internal static class QidoQueryParser
{
    public const string Limit = "limit";
    public const string Offset = "offset";
    public const string FuzzyMatching = "fuzzymatching";
    public const string IncludeField = "includefield";
    /// <summary>PS3.18 8.3.3.1: the accept query parameter; read by the media type negotiation, not here.</summary>
    public const string Accept = "accept";

    public static QidoQuery Parse(QueryLevel level, string? studyUid, string? seriesUid, IQueryCollection parameters, int maxLimit)
    {
        CheckPathUid("StudyInstanceUID", studyUid);
        CheckPathUid("SeriesInstanceUID", seriesUid);
        var matches = new List<AttributeMatch>();
        var includeTags = new List<DicomTag>();
        var includeAll = false;
        var fuzzy = false;
        int? limit = null;
        var offset = 0;
        var warnings = new List<string>();

        foreach (var (name, values) in parameters)
        {
            switch (name.ToLowerInvariant())
            {
                case Limit:
                    limit = NonNegative(name, Single(name, values));
                    continue;
                case Offset:
                    offset = NonNegative(name, Single(name, values));
                    continue;
                case FuzzyMatching:
                    fuzzy = Single(name, values).Trim().ToLowerInvariant() switch
                    {
                        "true" => true,
                        "false" => false,
                        var other => throw Invalid($"fuzzymatching={other}: expected true or false"),
                    };
                    continue;
                case IncludeField:
                    foreach (var item in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    {
                        if (item.Equals("all", StringComparison.OrdinalIgnoreCase)) { includeAll = true; continue; }
                        if (!QidoAttributeKey.TryParse(item, out var key))
                            throw Invalid($"includefield={item}: not a DICOM attribute keyword or tag (GGGGEEEE)");
                        if (key.IsSequencePath) warnings.Add($"includefield {item}: sequence attributes are not returned by this server");
                        else if (!includeTags.Contains(key.Tag)) includeTags.Add(key.Tag);
                    }
                    continue;
                case Accept:
                    continue;
            }
            if (!QidoAttributeKey.TryParse(name, out var attribute))
                throw Invalid($"'{name}' is not a DICOM attribute keyword or tag (GGGGEEEE), nor a QIDO-RS parameter (limit, offset, fuzzymatching, includefield)");
            var value = Single(name, values);
            if (attribute.IsSequencePath)
            {
                warnings.Add($"{name}: matching on sequence attributes is not supported; the key was ignored");
                continue;
            }
            if (QidoMatchValueValidator.Problem(attribute.Tag, value) is { } problem)
                throw Invalid($"{name}={value}: {problem}");
            matches.Add(new AttributeMatch(attribute.Tag, value));
            if (!includeTags.Contains(attribute.Tag)) includeTags.Add(attribute.Tag);
        }

        var capped = limit is null || limit > maxLimit;
        if (limit > maxLimit)
            warnings.Add($"limit={limit} exceeds the maximum of {maxLimit} results per request; at most {maxLimit} are returned (use offset for more)");
        var query = new QidoQuery(new IndexQuery(level)
        {
            StudyInstanceUid = studyUid,
            SeriesInstanceUid = seriesUid,
            Matches = matches,
            FuzzyMatching = fuzzy,
            Limit = capped ? maxLimit : limit!.Value,
            Offset = offset,
        })
        {
            IncludeAll = includeAll,
            IncludeTags = includeTags,
            LimitIsServerMaximum = capped,
        };
        query.Warnings.AddRange(warnings);
        return query;
    }

    private static void CheckPathUid(string keyword, string? uid)
    {
        if (uid is not null && QidoMatchValueValidator.UidProblem(uid) is { } problem)
            throw Invalid($"the {keyword} in the path {problem}");
    }

    private static string Single(string name, Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 ? values[0] ?? "" : throw Invalid($"'{name}' is given {values.Count} times; give it once (a list of UIDs is comma-separated)");

    /// <summary>A non-negative integer; one too large for an int is still a number, so it saturates (and is capped later).</summary>
    private static int NonNegative(string name, string value)
    {
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        if (text.Length > 0 && text.All(char.IsAsciiDigit)) return int.MaxValue;
        throw Invalid($"{name}={value}: expected a non-negative integer");
    }

    private static PacsEdgeException Invalid(string detail) => new(ErrorCode.InvalidParameter, detail);
}
