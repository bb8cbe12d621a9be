using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PacsEdge.Index;
using PacsEdge.Index.Storage;
using PacsEdge.Server.Configuration;
using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;
using PacsEdge.Server.Health;
using PacsEdge.Server.Storage;

namespace PacsEdge.Server.Indexing;

/// <summary>Wiring of the index (ANCHORS: AddSqliteIndex(), AddPostgresIndex()), chosen by Index:Provider.</summary>
public static class IndexRegistration
{
    public const string SqliteFileName = "index.db";

    /// <summary>The provider Index:Provider names (Sqlite by default; case-insensitive).</summary>
    public static IServiceCollection AddIndex(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Bind(configuration);
        services.AddSingleton(ExtraTagsConfiguration.ToIndexOptions(options.ExtraTags));
        return options.Provider.Equals(IndexProviderOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? services.AddPostgresIndex(options.ConnectionString)
            : services.AddSqliteIndex();
    }

    /// <summary>SQLite at &lt;data&gt;/index/index.db.</summary>
    public static IServiceCollection AddSqliteIndex(this IServiceCollection services) =>
        services.AddIndexCore(provider =>
        {
            var path = Path.Combine(provider.GetRequiredService<DataDirectory>().Index, SqliteFileName);
            var options = provider.GetRequiredService<IndexOptions>();
            return async ct => await SqliteDicomIndex.OpenAsync(path, options, ct);
        });

    public static IServiceCollection AddPostgresIndex(this IServiceCollection services, string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, "Index:Provider is Postgres but Index:ConnectionString is empty");
        return services.AddIndexCore(provider =>
        {
            var options = provider.GetRequiredService<IndexOptions>();
            return async ct => await PostgresDicomIndex.OpenAsync(connectionString, options, ct);
        });
    }

    public static IndexProviderOptions Bind(IConfiguration configuration)
    {
        IndexProviderOptions options;
        try { options = configuration.GetSection(IndexProviderOptions.Section).Get<IndexProviderOptions>() ?? new IndexProviderOptions(); }
        catch (InvalidOperationException e) { throw new PacsEdgeException(ErrorCode.InvalidConfiguration, e.Message, e); }
        var known = new[] { IndexProviderOptions.Sqlite, IndexProviderOptions.Postgres };
        if (!known.Any(k => k.Equals(options.Provider, StringComparison.OrdinalIgnoreCase)))
            throw new PacsEdgeException(ErrorCode.InvalidConfiguration, $"Index:Provider '{options.Provider}' is not one of {string.Join(", ", known)}");
        return options;
    }

    private static IServiceCollection AddIndexCore(this IServiceCollection services, Func<IServiceProvider, Func<CancellationToken, Task<IDicomIndex>>> opener)
    {
        services.TryAddSingleton(new IndexOptions()); // AddIndex registers the configured one first
        services.AddSingleton(provider => new OpeningDicomIndex(opener(provider)));
        services.AddSingleton<IDicomIndex>(provider => provider.GetRequiredService<OpeningDicomIndex>());
        services.AddSingleton<IReadinessCheck, IndexReadinessCheck>();
        return services;
    }
}
