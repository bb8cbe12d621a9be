using PacsEdge.Index.Model;
using PacsEdge.Server.Health;

namespace PacsEdge.Server.Indexing;

/// <summary>Opens the index (applying migrations) and runs one query, so /health says ready only when stores can be indexed.</summary>
public sealed class IndexReadinessCheck(OpeningDicomIndex index) : IReadinessCheck
{
    public string Name => "index";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var opened = await index.GetAsync(cancellationToken);
        await opened.QueryAsync(new IndexQuery(QueryLevel.Study) { Limit = 1 }, cancellationToken);
    }
}
