using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dataset;
using PacsEdge.Index;
using PacsEdge.Index.Matching;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;
using PacsEdge.Plugins.Errors;

using PacsEdge.DicomWeb.Http;

namespace PacsEdge.DicomWeb.Qido;

/// <summary>
/// One QIDO-RS search (PS3.18 10.6): negotiate the response type, parse and validate the query, run it on the index,
/// turn rows into data sets and answer with the warnings gathered (ignored keys, capped or truncated results).
/// </summary>
internal static class QidoSearch
{
    public static async Task HandleAsync(HttpContext context, QueryLevel level, string? study, string? series)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<DicomWebOptions>>().Value;
        var responseType = QidoMediaTypes.Negotiate(context.Request);
        var query = QidoQueryParser.Parse(level, study, series, context.Request.Query, options.MaxQueryLimit);

        // With the server's maximum in force, ask one row more to learn whether results were cut (PS3.18 8.3.4.4).
        var probeMore = query.LimitIsServerMaximum && query.Index.Limit < int.MaxValue;
        var indexQuery = probeMore ? query.Index with { Limit = query.Index.Limit + 1 } : query.Index;
        IndexQueryResult result;
        try
        {
            result = await services.GetRequiredService<IDicomIndex>().QueryAsync(indexQuery, context.RequestAborted);
        }
        catch (InvalidMatchValueException e)
        {
            throw new PacsEdgeException(ErrorCode.InvalidParameter, e.Message, e);
        }

        var rows = result.Rows;
        if (probeMore && rows.Count > query.Index.Limit)
        {
            rows = rows.Take(query.Index.Limit).ToList();
            query.Warnings.Add($"The number of results exceeded the maximum of {query.Index.Limit} per request; request more with offset={query.Index.Offset + query.Index.Limit}");
        }
        foreach (var tag in result.UnsupportedMatchKeys)
            query.Warnings.Add($"{QidoAttributeKey.Describe(tag)} ({tag.ToHex()}) is not a matching key on {level} searches of this server; it was ignored");

        var held = HeldTags(level, services.GetService<IndexOptions>() ?? new IndexOptions());
        foreach (var tag in query.IncludeTags.Where(t => !held.Contains(t) && !QidoReturnAttributes.IsComputed(t)))
            if (!query.Index.Matches.Any(m => m.Tag == tag))
                query.Warnings.Add($"includefield {QidoAttributeKey.Describe(tag)} ({tag.ToHex()}): {WhyNotHeld(tag, level)}; it is not returned");

        var tags = new HashSet<DicomTag>(QidoReturnAttributes.Defaults(level, study is not null, series is not null));
        tags.UnionWith(query.IncludeTags.Where(t => held.Contains(t) || QidoReturnAttributes.IsComputed(t)));
        if (query.IncludeAll) tags.UnionWith(held);

        var urls = DicomWebUrls.For(context.Request, options.BasePath);
        var datasets = new List<DicomDataset>(rows.Count);
        foreach (var row in rows) datasets.Add(QidoDatasetBuilder.Build(row, level, tags, urls));

        WarningHeaders.Add(context.Response, query.Warnings);
        await QidoResponseWriter.WriteAsync(context.Response, responseType, datasets, context.RequestAborted);
    }

    private static string WhyNotHeld(DicomTag tag, QueryLevel level) =>
        IndexedAttributes.TryGet(tag, out var attribute)
            ? $"a {attribute.Level}-level attribute, which {level} results do not carry"
            : "this attribute is not indexed (Index:ExtraTags adds it)";

    /// <summary>The tags the index returns for a search at <paramref name="level"/>: its columns and the configured extra tags, at that level and above.</summary>
    private static HashSet<DicomTag> HeldTags(QueryLevel level, IndexOptions options)
    {
        var held = IndexedAttributes.All.Where(a => a.Level <= level).Select(a => a.Tag).ToHashSet();
        held.UnionWith(options.ExtraTags.Where(e => e.Level <= level).Select(e => e.Tag));
        held.UnionWith([DicomTags.RetrieveURL, DicomTags.InstanceAvailability]);
        return held;
    }
}
