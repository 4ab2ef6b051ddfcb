using k8s;
using k8s.Models;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Cache;

/// <summary>
/// The thread-safe object map behind one informer, with secondary indexes kept in step on every change
/// (client-go's <c>ThreadSafeStore</c> + <c>Indexer</c>). Objects in it are shared: never mutate them.
/// </summary>
public sealed class ObjectStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = new();
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);

    public ObjectStore()
    {
        AddIndex(IndexNames.ControllerUid, IndexNames.ControllerUidOf);
        AddIndex(IndexNames.Label, IndexNames.LabelsOf);
        AddIndex(IndexNames.Namespace, IndexNames.NamespaceOf);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>
    /// Adds an index. Allowed at any time: existing objects are indexed at once. A name can be registered once;
    /// registering the same name again throws, so two controllers cannot silently disagree on its meaning.
    /// </summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexFunc);
        lock (_gate)
        {
            if (_indexes.ContainsKey(name))
            {
                throw new InvalidOperationException($"The cache of {typeof(T).Name} already has an index named '{name}'.");
            }

            var index = new Index(indexFunc);
            foreach (var (key, item) in _items)
            {
                index.Insert(key, item);
            }

            _indexes[name] = index;
        }
    }

    public bool HasIndex(string name)
    {
        lock (_gate)
        {
            return _indexes.ContainsKey(name);
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<ObjectKey> Keys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    /// <summary>The objects whose index function returned <paramref name="value"/> for index <paramref name="indexName"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            var keys = IndexLocked(indexName).Lookup(value);
            return keys is null ? [] : [.. keys.Select(k => _items[k])];
        }
    }

    public IReadOnlyList<ObjectKey> KeysByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            var keys = IndexLocked(indexName).Lookup(value);
            return keys is null ? [] : [.. keys];
        }
    }

    /// <summary>Adds or replaces an object; returns the one it replaced.</summary>
    public T? Upsert(T obj)
    {
        var key = ObjectKey.From(obj);
        lock (_gate)
        {
            var old = RemoveLocked(key);
            _items[key] = obj;
            foreach (var index in _indexes.Values)
            {
                index.Insert(key, obj);
            }

            return old;
        }
    }

    /// <summary>Removes an object; returns it, or null when it was not there.</summary>
    public T? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>
    /// Replaces the whole content (after a list) and returns what changed: objects that appeared, objects whose
    /// resourceVersion changed, and objects that vanished, so the informer can tell its handlers.
    /// </summary>
    public StoreDelta<T> Replace(IEnumerable<T> objects)
    {
        var added = new List<T>();
        var updated = new List<(T Old, T New)>();
        var unchanged = new List<T>();
        lock (_gate)
        {
            var fresh = new Dictionary<ObjectKey, T>();
            foreach (var obj in objects)
            {
                fresh[ObjectKey.From(obj)] = obj;
            }

            var removed = _items.Where(kv => !fresh.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
            foreach (var gone in removed)
            {
                RemoveLocked(ObjectKey.From(gone));
            }

            foreach (var (key, obj) in fresh)
            {
                var old = RemoveLocked(key);
                _items[key] = obj;
                foreach (var index in _indexes.Values)
                {
                    index.Insert(key, obj);
                }

                if (old is null)
                {
                    added.Add(obj);
                }
                else if (old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    updated.Add((old, obj));
                }
                else
                {
                    unchanged.Add(obj);
                }
            }

            return new StoreDelta<T>(added, updated, removed, unchanged);
        }
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_items.Remove(key, out var old))
        {
            return null;
        }

        foreach (var index in _indexes.Values)
        {
            index.Delete(key);
        }

        return old;
    }

    private Index IndexLocked(string name)
        => _indexes.TryGetValue(name, out var index)
            ? index
            : throw new InvalidOperationException($"The cache of {typeof(T).Name} has no index named '{name}'. Register it before use.");

    private sealed class Index(Func<T, IEnumerable<string>> indexFunc)
    {
        private readonly Dictionary<string, HashSet<ObjectKey>> _byValue = new(StringComparer.Ordinal);
        private readonly Dictionary<ObjectKey, string[]> _valuesOf = new();

        public HashSet<ObjectKey>? Lookup(string value) => _byValue.GetValueOrDefault(value);

        public void Insert(ObjectKey key, T obj)
        {
            string[] values;
            try
            {
                values = indexFunc(obj).Distinct(StringComparer.Ordinal).ToArray();
            }
#pragma warning disable CA1031 // A user index function that throws on one odd object must not break the cache.
            catch (Exception)
#pragma warning restore CA1031
            {
                values = [];
            }

            _valuesOf[key] = values;
            foreach (var value in values)
            {
                if (!_byValue.TryGetValue(value, out var keys))
                {
                    _byValue[value] = keys = [];
                }

                keys.Add(key);
            }
        }

        public void Delete(ObjectKey key)
        {
            if (!_valuesOf.Remove(key, out var values))
            {
                return;
            }

            foreach (var value in values)
            {
                if (_byValue.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    _byValue.Remove(value);
                }
            }
        }
    }
}

/// <summary>What a full <see cref="ObjectStore{T}.Replace"/> changed.</summary>
public sealed record StoreDelta<T>(
    IReadOnlyList<T> Added,
    IReadOnlyList<(T Old, T New)> Updated,
    IReadOnlyList<T> Removed,
    IReadOnlyList<T> Unchanged);
