using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Keel.Runtime.Informers;

namespace Keel.Runtime.Tests.Support;

/// <summary>One <see cref="FakeListWatch{T}"/> per kind, handed to an informer cache.</summary>
internal sealed class FakeApi : IListWatchClientFactory
{
    private readonly ConcurrentDictionary<Type, object> _kinds = new();

    public FakeListWatch<T> Kind<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>, new()
        => (FakeListWatch<T>)_kinds.GetOrAdd(typeof(T), _ => new FakeListWatch<T>());

    public IListWatchClient<T> Create<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
        => (IListWatchClient<T>)_kinds.GetOrAdd(typeof(T), t => Activator.CreateInstance(typeof(FakeListWatch<>).MakeGenericType(t))!);
}
