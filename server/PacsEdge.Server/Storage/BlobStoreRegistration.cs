using Microsoft.Extensions.DependencyInjection;

namespace PacsEdge.Server.Storage;

/// <summary>Wiring of the filesystem blob store under the data directory (ANCHORS: AddFileBlobStore()).</summary>
public static class BlobStoreRegistration
{
    public static IServiceCollection AddFileBlobStore(this IServiceCollection services)
    {
        services.AddSingleton<IDurableFileSystem>(PhysicalFileSystem.Instance);
        services.AddSingleton(provider =>
        {
            var data = provider.GetRequiredService<DataDirectory>();
            return new BlobPaths(data.Blobs, data.Tmp);
        });
        services.AddSingleton<IBlobStore, FileBlobStore>();
        return services;
    }
}
