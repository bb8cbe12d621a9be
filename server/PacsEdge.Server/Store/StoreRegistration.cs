using PacsEdge.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PacsEdge.Server.Store;

/// <summary>Wiring of the store pipeline: validator, notifier (a hosted service draining the observer queue), service.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddStorePipeline(this IServiceCollection services)
    {
        services.AddSingleton<IStoreDatasetValidator, StoreDatasetValidator>();
        services.AddSingleton(provider => new StoredInstanceNotifier(
            provider.GetServices<IStoredInstanceObserver>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StoredInstanceNotifier>>()));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<StoredInstanceNotifier>());
        services.AddSingleton<StoreService>();
        services.AddSingleton<IStoreService>(provider => provider.GetRequiredService<StoreService>());
        services.AddSingleton<IInstanceReader, Instances.InstanceReader>();
        services.AddSingleton<IInstanceDeleter, Instances.InstanceDeleter>();
        return services;
    }
}
