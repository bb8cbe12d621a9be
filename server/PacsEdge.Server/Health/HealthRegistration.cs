using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Server.Health;

public static class HealthRegistration
{
    /// <summary>The readiness state, the service that runs the checks, and the blob store's own check.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<ReadinessState>();
        services.AddSingleton<IReadinessCheck, BlobStoreReadinessCheck>();
        services.AddHostedService<ReadinessService>();
        return services;
    }
}
