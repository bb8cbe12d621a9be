using PacsEdge.Index.Model;

namespace PacsEdge.Index.Tests.Support;

/// <summary>Opens a fresh database of the subclass's provider before each test and removes it after.</summary>
public abstract class IndexTestBase(Func<IndexDatabase> createDatabase) : IAsyncLifetime
{
    private IndexDatabase? _database;
    private IDicomIndex? _index;

    protected IndexDatabase Database => _database ?? throw new InvalidOperationException("not initialised");
    protected IDicomIndex Index => _index ?? throw new InvalidOperationException("not initialised");
    protected virtual IndexOptions Options => new();

    /// <summary>Another empty database of the same provider (the caller disposes it).</summary>
    protected IndexDatabase NewDatabase() => createDatabase();

    public virtual async Task InitializeAsync()
    {
        _database = createDatabase();
        _index = await _database.OpenAsync(Options);
    }

    public async Task DisposeAsync()
    {
        if (_index is not null) await _index.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    protected async Task AddAsync(params InstanceRecord[] records)
    {
        foreach (var record in records)
            Assert.Equal(AddInstanceOutcome.Added, (await Index.AddInstanceAsync(record)).Outcome);
    }

    protected async Task<IReadOnlyList<IndexRow>> RowsAsync(IndexQuery query)
    {
        var result = await Index.QueryAsync(query);
        Assert.Empty(result.UnsupportedMatchKeys);
        return result.Rows;
    }
}
