namespace Keel.Runtime.Informers;

/// <summary>The kind-agnostic face of an <see cref="Informer{T}"/>, for the cache that runs many of them.</summary>
public interface IInformer
{
    Type ObjectType { get; }

    bool HasSynced { get; }

    InformerStats Stats { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken = default);

    Task RunAsync(CancellationToken cancellationToken);

    void Resync();
}
