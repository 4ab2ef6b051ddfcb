using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Storage;

/// <summary>
/// The in-memory key-value store: every committed object, one cluster-wide resource-version counter, a
/// bounded history of events (the "etcd compaction window") and the watch fan-out. All commits are
/// serialized under one lock, so resource versions are strictly increasing and every watcher sees every
/// change in commit order; the expensive parts of a write (admission, merging) happen before it.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GroupResource, ResourceTable> _tables = [];
    private readonly Dictionary<GroupResource, WatchSubscription[]> _watchers = [];
    private readonly List<Action<StoreEvent>> _listeners = [];
    private readonly StoreEvent?[] _history;
    private int _historyStart;
    private int _historyCount;
    private long _resourceVersion;
    private long _compactedThrough;

    public ObjectStore(int historyLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        _history = new StoreEvent?[historyLimit];
    }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Events at or below this version may be gone; watching or listing from older versions is 410.</summary>
    public long CompactedThrough
    {
        get
        {
            lock (_gate)
            {
                return _compactedThrough;
            }
        }
    }

    /// <summary>Registers a callback invoked under the store lock for every commit; it must only enqueue.</summary>
    public void AddListener(Action<StoreEvent> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }

    public StoredObject? Get(GroupResource resource, string ns, string name)
    {
        lock (_gate)
        {
            return _tables.TryGetValue(resource, out var table) ? table.Get(ns, name) : null;
        }
    }

    /// <summary>The objects of a resource (optionally one namespace), in key order, at the current version.</summary>
    public (List<StoredObject> Items, long ResourceVersion) List(GroupResource resource, string? ns)
    {
        lock (_gate)
        {
            var items = _tables.TryGetValue(resource, out var table) ? table.Snapshot(ns) : [];
            return (items, _resourceVersion);
        }
    }

    /// <summary>Every object of every resource in one namespace (namespace deletion, snapshots).</summary>
    public List<StoredObject> ListNamespace(string ns)
    {
        lock (_gate)
        {
            return _tables.Values.SelectMany(t => t.Snapshot(ns)).ToList();
        }
    }

    public List<StoredObject> All()
    {
        lock (_gate)
        {
            return _tables.Values.SelectMany(t => t.Snapshot(null)).ToList();
        }
    }

    /// <summary>
    /// The objects as they were at exactly <paramref name="resourceVersion"/>: the current state with
    /// the later events undone. Fails with <see cref="StoreResult.Expired"/> once that version is compacted.
    /// </summary>
    public (StoreResult Result, List<StoredObject> Items) ListAt(GroupResource resource, string? ns, long resourceVersion)
    {
        List<StoredObject> current;
        List<StoreEvent> later;
        lock (_gate)
        {
            if (resourceVersion < _compactedThrough)
            {
                return (StoreResult.Expired, []);
            }

            if (resourceVersion > _resourceVersion)
            {
                return (StoreResult.TooNew, []);
            }

            current = _tables.TryGetValue(resource, out var table) ? table.Snapshot(ns) : [];
            later = EventsAfter(resource, ns, resourceVersion);
        }

        if (later.Count == 0)
        {
            return (StoreResult.Ok, current);
        }

        var byKey = current.ToDictionary(o => o.Key, StringComparer.Ordinal);
        for (var i = later.Count - 1; i >= 0; i--)
        {
            var e = later[i];
            switch (e.Type)
            {
                case StoreEventType.Added:
                    byKey.Remove(e.Object.Key);
                    break;
                default:
                    byKey[e.Object.Key] = e.Previous!;
                    break;
            }
        }

        var items = byKey.Values.ToList();
        items.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (StoreResult.Ok, items);
    }

    public (StoreResult Result, StoredObject? Object) Create(GroupResource resource, JsonObject obj)
    {
        var (ns, name) = Identity(obj);
        lock (_gate)
        {
            var table = Table(resource);
            if (table.Get(ns, name) is not null)
            {
                return (StoreResult.AlreadyExists, null);
            }

            var stored = StoredObject.Seal(resource, obj, ++_resourceVersion);
            table.Put(stored);
            Publish(new StoreEvent(StoreEventType.Added, stored, null));
            return (StoreResult.Ok, stored);
        }
    }

    /// <summary>Replaces an object if it is still at <paramref name="expectedResourceVersion"/> (compare-and-swap).</summary>
    public (StoreResult Result, StoredObject? Object) Update(GroupResource resource, JsonObject obj, long expectedResourceVersion)
    {
        var (ns, name) = Identity(obj);
        lock (_gate)
        {
            var table = Table(resource);
            var existing = table.Get(ns, name);
            if (existing is null)
            {
                return (StoreResult.NotFound, null);
            }

            if (existing.ResourceVersion != expectedResourceVersion)
            {
                return (StoreResult.Conflict, existing);
            }

            var stored = StoredObject.Seal(resource, obj, ++_resourceVersion);
            table.Put(stored);
            Publish(new StoreEvent(StoreEventType.Modified, stored, existing));
            return (StoreResult.Ok, stored);
        }
    }

    /// <summary>Removes an object if it is still at <paramref name="expectedResourceVersion"/>.</summary>
    public (StoreResult Result, StoredObject? Object) Delete(GroupResource resource, string ns, string name, long expectedResourceVersion)
    {
        lock (_gate)
        {
            var table = Table(resource);
            var existing = table.Get(ns, name);
            if (existing is null)
            {
                return (StoreResult.NotFound, null);
            }

            if (existing.ResourceVersion != expectedResourceVersion)
            {
                return (StoreResult.Conflict, existing);
            }

            table.Remove(ns, name);
            var tombstone = StoredObject.Seal(resource, existing.CloneObject(), ++_resourceVersion);
            Publish(new StoreEvent(StoreEventType.Deleted, tombstone, existing));
            return (StoreResult.Ok, tombstone);
        }
    }

    /// <summary>
    /// Registers a watcher. With <paramref name="fromResourceVersion"/> the backlog is the history after it
    /// (or <see cref="StoreResult.Expired"/>); without, the backlog is ADDED for every current object.
    /// </summary>
    public (StoreResult Result, WatchSubscription? Subscription) Watch(
        GroupResource resource, string? ns, long? fromResourceVersion, bool sendCurrentState, int bufferSize)
    {
        lock (_gate)
        {
            var subscription = new WatchSubscription(resource, ns, bufferSize, Unregister);
            if (fromResourceVersion is { } from)
            {
                if (from < _compactedThrough)
                {
                    return (StoreResult.Expired, null);
                }

                if (from > _resourceVersion)
                {
                    return (StoreResult.TooNew, null);
                }

                subscription.Backlog = EventsAfter(resource, ns, from);
            }
            else if (sendCurrentState)
            {
                var current = _tables.TryGetValue(resource, out var table) ? table.Snapshot(ns) : [];
                subscription.Backlog = current.Select(o => new StoreEvent(StoreEventType.Added, o, null)).ToList();
            }

            subscription.StartResourceVersion = _resourceVersion;
            _watchers[resource] = _watchers.TryGetValue(resource, out var existing) ? [.. existing, subscription] : [subscription];
            return (StoreResult.Ok, subscription);
        }
    }

    /// <summary>Closes every open watch of a resource (null: of all resources).</summary>
    public int CloseWatches(GroupResource? resource, WatchCloseReason reason)
    {
        WatchSubscription[] victims;
        lock (_gate)
        {
            victims = resource is { } r
                ? _watchers.GetValueOrDefault(r, [])
                : _watchers.Values.SelectMany(w => w).ToArray();
        }

        foreach (var w in victims)
        {
            w.Close(reason);
        }

        return victims.Length;
    }

    public int WatcherCount(GroupResource resource)
    {
        lock (_gate)
        {
            return _watchers.GetValueOrDefault(resource, []).Length;
        }
    }

    /// <summary>Replaces the whole state from a snapshot; history starts empty at its version.</summary>
    public void Load(IEnumerable<(GroupResource Resource, JsonObject Object)> objects, long resourceVersion)
    {
        lock (_gate)
        {
            _tables.Clear();
            foreach (var (resource, obj) in objects)
            {
                var rv = long.Parse((string?)obj["metadata"]?["resourceVersion"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                Table(resource).Put(StoredObject.Seal(resource, obj, rv));
            }

            _resourceVersion = resourceVersion;
            _compactedThrough = resourceVersion;
            Array.Clear(_history);
            _historyCount = 0;
            _historyStart = 0;
        }
    }

    private void Unregister(WatchSubscription subscription)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(subscription.Resource, out var list))
            {
                var remaining = list.Where(w => !ReferenceEquals(w, subscription)).ToArray();
                if (remaining.Length == 0)
                {
                    _watchers.Remove(subscription.Resource);
                }
                else
                {
                    _watchers[subscription.Resource] = remaining;
                }
            }
        }
    }

    private void Publish(StoreEvent e)
    {
        Append(e);
        if (_watchers.TryGetValue(e.Object.Resource, out var watchers))
        {
            foreach (var w in watchers)
            {
                if (w.Namespace is null || w.Namespace == e.Object.Namespace)
                {
                    w.Deliver(e);
                }
            }
        }

        foreach (var listener in _listeners)
        {
            listener(e);
        }
    }

    private void Append(StoreEvent e)
    {
        if (_historyCount == _history.Length)
        {
            _compactedThrough = _history[_historyStart]!.ResourceVersion;
            _history[_historyStart] = e;
            _historyStart = (_historyStart + 1) % _history.Length;
        }
        else
        {
            _history[(_historyStart + _historyCount) % _history.Length] = e;
            _historyCount++;
        }
    }

    private List<StoreEvent> EventsAfter(GroupResource resource, string? ns, long resourceVersion)
    {
        var result = new List<StoreEvent>();
        // Binary search would do; history scans are bounded by the history size and rare (watch resumes).
        for (var i = 0; i < _historyCount; i++)
        {
            var e = _history[(_historyStart + i) % _history.Length]!;
            if (e.ResourceVersion > resourceVersion && e.Object.Resource == resource && (ns is null || e.Object.Namespace == ns))
            {
                result.Add(e);
            }
        }

        return result;
    }

    private ResourceTable Table(GroupResource resource)
    {
        if (!_tables.TryGetValue(resource, out var table))
        {
            table = new ResourceTable();
            _tables[resource] = table;
        }

        return table;
    }

    private static (string Namespace, string Name) Identity(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        return ((string?)metadata?["namespace"] ?? "", (string?)metadata?["name"] ?? "");
    }

    /// <summary>One resource's objects: per namespace, sorted by name.</summary>
    private sealed class ResourceTable
    {
        private readonly SortedDictionary<string, SortedDictionary<string, StoredObject>> _byNamespace = new(StringComparer.Ordinal);

        public StoredObject? Get(string ns, string name) =>
            _byNamespace.TryGetValue(ns, out var names) && names.TryGetValue(name, out var o) ? o : null;

        public void Put(StoredObject o)
        {
            if (!_byNamespace.TryGetValue(o.Namespace, out var names))
            {
                names = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
                _byNamespace[o.Namespace] = names;
            }

            names[o.Name] = o;
        }

        public void Remove(string ns, string name)
        {
            if (_byNamespace.TryGetValue(ns, out var names) && names.Remove(name) && names.Count == 0)
            {
                _byNamespace.Remove(ns);
            }
        }

        public List<StoredObject> Snapshot(string? ns)
        {
            if (ns is not null)
            {
                return _byNamespace.TryGetValue(ns, out var names) ? [.. names.Values] : [];
            }

            var all = new List<StoredObject>();
            foreach (var names in _byNamespace.Values)
            {
                all.AddRange(names.Values);
            }

            // Keys are "namespace/name": sort the flattened list the way etcd orders keys.
            all.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return all;
        }
    }
}

public enum StoreResult
{
    Ok,
    NotFound,
    AlreadyExists,
    Conflict,
    Expired,
    TooNew,
}
