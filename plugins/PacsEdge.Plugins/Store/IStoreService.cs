namespace PacsEdge.Plugins;

/// <summary>
/// The one way an instance enters the PACS (STOW-RS, C-STORE, import): stream into the blob store, parse the
/// header, validate, index, notify observers. Bad input and refused instances are a <see cref="StoreResult"/>
/// with a failure reason, never an exception; exceptions are for cancellation and errors reading the caller's
/// stream (the transport's problem, not the instance's).
/// </summary>
public interface IStoreService
{
    Task<StoreResult> StoreAsync(Stream instance, StoreRequest context, CancellationToken cancellationToken = default);
}
