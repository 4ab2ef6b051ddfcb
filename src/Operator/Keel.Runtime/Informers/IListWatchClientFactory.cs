using k8s;
using k8s.Models;
using Keel.Runtime.Client;

namespace Keel.Runtime.Informers;

/// <summary>Makes the list/watch client for a kind (the cache's seam for tests).</summary>
public interface IListWatchClientFactory
{
    IListWatchClient<T> Create<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>;
}

/// <summary>List/watch over HTTP with KubernetesClient.</summary>
public sealed class KubernetesListWatchClientFactory(IKubernetes client) : IListWatchClientFactory
{
    public IListWatchClient<T> Create<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
        => new ResourceClient<T>(client);
}
