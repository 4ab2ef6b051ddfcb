using k8s;
using k8s.Models;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Cache;

/// <summary>The <see cref="IObjectCache{T}"/> over one informer's store.</summary>
internal sealed class CacheReader<T>(ObjectStore<T> store, Func<bool> hasSynced, bool copyOnRead) : IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public bool HasSynced => hasSynced();

    public T? Get(ObjectKey key) => Out(store.Get(key));

    public T? Peek(ObjectKey key) => store.Get(key);

    public IReadOnlyList<T> List(string? @namespace = null, LabelSelector? selector = null)
    {
        var equality = selector?.Requirements.FirstOrDefault(r => r.Operator == SelectorOperator.Equals);
        IEnumerable<T> candidates = equality is not null
            ? store.ByIndex(IndexNames.Label, IndexNames.LabelValue(equality.Key, equality.Values[0]))
            : @namespace is not null
                ? store.ByIndex(IndexNames.Namespace, @namespace)
                : store.List();
        return [.. candidates
            .Where(o => @namespace is null || (o.Metadata.NamespaceProperty ?? "") == @namespace)
            .Where(o => selector is null || selector.Matches(o.Metadata.Labels))
            .Select(Copy)];
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value) => [.. store.ByIndex(indexName, value).Select(Copy)];

    public IReadOnlyList<ObjectKey> KeysByIndex(string indexName, string value) => store.KeysByIndex(indexName, value);

    public IReadOnlyList<T> ControlledBy(string ownerUid) => ByIndex(IndexNames.ControllerUid, ownerUid);

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc) => store.AddIndex(name, indexFunc);

    private T? Out(T? obj) => obj is null ? null : Copy(obj);

    private T Copy(T obj) => copyOnRead ? KubeObject.DeepCopy(obj) : obj;
}
