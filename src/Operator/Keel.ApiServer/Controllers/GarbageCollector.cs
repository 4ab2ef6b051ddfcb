using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Controllers;

/// <summary>
/// Owner-reference garbage collection as the real garbage collector does it: a dependent whose owners
/// are all gone is deleted; one that still has a live owner only loses its dangling references;
/// an owner deleted with <c>orphan</c> strips itself from its dependents first; an owner deleted in the
/// foreground waits (with the <c>foregroundDeletion</c> finalizer) until its blocking dependents are gone.
/// Owners resolve in the dependent's namespace (cross-namespace references are absent owners), and a
/// cluster-scoped dependent naming a namespaced owner is unresolvable and never collected.
/// </summary>
public sealed class GarbageCollector : IClusterController
{
    private const string Manager = "generic-garbage-collector";
    private static readonly WriteRequest Write = WriteRequest.Internal(Manager);

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly ObjectWriter _writer;
    private readonly ObjectDeleter _deleter;
    /// <summary>Owner uid → dependents naming it.</summary>
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = new(StringComparer.Ordinal);

    public GarbageCollector(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, ObjectDeleter deleter)
    {
        _store = store;
        _registry = registry;
        _writer = writer;
        _deleter = deleter;
    }

    private readonly record struct ObjectKey(GroupResource Resource, string Namespace, string Name);

    public void Handle(StoreEvent e)
    {
        var o = e.Object;
        var key = new ObjectKey(o.Resource, o.Namespace, o.Name);
        if (e.Previous is not null)
        {
            foreach (var uid in OwnerUids(e.Previous.Object))
            {
                if (_dependents.TryGetValue(uid, out var set))
                {
                    set.Remove(key);
                    if (set.Count == 0)
                    {
                        _dependents.Remove(uid);
                    }
                }
            }
        }

        if (e.Type == StoreEventType.Deleted)
        {
            foreach (var dependent in Dependents(o.Uid))
            {
                AttemptToDelete(dependent);
            }

            // A dependent going away may unblock an owner deleted in the foreground.
            foreach (var uid in OwnerUids(o.Object))
            {
                ResolveOwnerByUid(o, uid);
            }

            return;
        }

        foreach (var uid in OwnerUids(o.Object))
        {
            if (!_dependents.TryGetValue(uid, out var set))
            {
                set = [];
                _dependents[uid] = set;
            }

            set.Add(key);
        }

        if (Meta.IsDeleting(o.Object))
        {
            var finalizers = Meta.Finalizers(o.Object);
            if (finalizers.Contains(GcFinalizers.Orphan))
            {
                Orphan(o);
            }
            else if (finalizers.Contains(GcFinalizers.ForegroundDeletion))
            {
                DeleteDependentsInForeground(o);
            }
        }

        if (o.Object["metadata"]?["ownerReferences"] is JsonArray { Count: > 0 })
        {
            AttemptToDelete(key);
        }
    }

    private List<ObjectKey> Dependents(string uid) => _dependents.TryGetValue(uid, out var set) ? [.. set] : [];

    /// <summary>Re-evaluates a foreground-deleting owner once one of its dependents is gone.</summary>
    private void ResolveOwnerByUid(StoredObject dependent, string ownerUid)
    {
        foreach (var reference in OwnerReferences(dependent.Object).Where(r => (string?)r["uid"] == ownerUid))
        {
            if (Resolve(dependent, reference) is { } owner && owner.Uid == ownerUid && Meta.IsDeleting(owner.Object) &&
                Meta.Finalizers(owner.Object).Contains(GcFinalizers.ForegroundDeletion))
            {
                DeleteDependentsInForeground(owner);
            }
        }
    }

    private void Orphan(StoredObject owner)
    {
        foreach (var dependent in Dependents(owner.Uid))
        {
            Patch(dependent, obj =>
            {
                var refs = OwnerReferences(obj).Where(r => (string?)r["uid"] != owner.Uid).Select(r => (JsonNode?)r.DeepClone()).ToArray();
                SetOwnerReferences(obj, refs);
            });
        }

        RemoveFinalizer(owner, GcFinalizers.Orphan);
    }

    private void DeleteDependentsInForeground(StoredObject owner)
    {
        var blocking = 0;
        foreach (var key in Dependents(owner.Uid))
        {
            var dependent = _store.Get(key.Resource, key.Namespace, key.Name);
            if (dependent is null)
            {
                continue;
            }

            var reference = OwnerReferences(dependent.Object).FirstOrDefault(r => (string?)r["uid"] == owner.Uid);
            if (reference is not null && JsonNumbers.Bool(reference["blockOwnerDeletion"]) == true)
            {
                blocking++;
            }

            if (!Meta.IsDeleting(dependent.Object))
            {
                AttemptToDelete(key);
            }
        }

        if (blocking == 0)
        {
            RemoveFinalizer(owner, GcFinalizers.ForegroundDeletion);
        }
    }

    private void AttemptToDelete(ObjectKey key)
    {
        var item = _store.Get(key.Resource, key.Namespace, key.Name);
        if (item is null || _registry.StorageVersion(key.Resource) is not { } resource)
        {
            return;
        }

        var solid = new List<JsonObject>();
        var dangling = new List<JsonObject>();
        var waiting = new List<JsonObject>();
        foreach (var reference in OwnerReferences(item.Object))
        {
            switch (Classify(item, reference))
            {
                case OwnerState.Absent:
                    dangling.Add(reference);
                    break;
                case OwnerState.DeletingForeground:
                    waiting.Add(reference);
                    break;
                default:
                    solid.Add(reference);
                    break;
            }
        }

        if (solid.Count > 0)
        {
            if (dangling.Count + waiting.Count > 0)
            {
                var removed = dangling.Concat(waiting).Select(r => (string?)r["uid"]).ToHashSet();
                Patch(key, obj => SetOwnerReferences(obj,
                    OwnerReferences(obj).Where(r => !removed.Contains((string?)r["uid"])).Select(r => (JsonNode?)r.DeepClone()).ToArray()));
            }

            return;
        }

        if (Meta.IsDeleting(item.Object))
        {
            return;
        }

        var finalizers = Meta.Finalizers(item.Object);
        var policy = waiting.Count > 0 && Dependents(item.Uid).Count > 0
            ? PropagationPolicy.Foreground
            : finalizers.Contains(GcFinalizers.Orphan) ? PropagationPolicy.Orphan
            : finalizers.Contains(GcFinalizers.ForegroundDeletion) ? PropagationPolicy.Foreground
            : PropagationPolicy.Background;
        try
        {
            _deleter.Delete(resource, key.Namespace, key.Name, new DeleteRequest(policy, item.Uid, null, false));
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone or replaced meanwhile: the events that caused it will bring us back if needed.
        }
    }

    private enum OwnerState
    {
        Present,
        Absent,
        DeletingForeground,
        Unresolvable,
    }

    private OwnerState Classify(StoredObject dependent, JsonObject reference)
    {
        var (group, _) = GroupVersionKind.SplitApiVersion((string?)reference["apiVersion"] ?? "");
        var owner = _registry.FindKindAnyVersion(group, (string?)reference["kind"] ?? "");
        if (owner is null)
        {
            return OwnerState.Unresolvable;
        }

        if (owner.Namespaced && dependent.Namespace.Length == 0)
        {
            return OwnerState.Unresolvable;
        }

        var live = Resolve(dependent, reference);
        if (live is null || live.Uid != (string?)reference["uid"])
        {
            return OwnerState.Absent;
        }

        return Meta.IsDeleting(live.Object) && Meta.Finalizers(live.Object).Contains(GcFinalizers.ForegroundDeletion)
            ? OwnerState.DeletingForeground
            : OwnerState.Present;
    }

    private StoredObject? Resolve(StoredObject dependent, JsonObject reference)
    {
        var (group, _) = GroupVersionKind.SplitApiVersion((string?)reference["apiVersion"] ?? "");
        var owner = _registry.FindKindAnyVersion(group, (string?)reference["kind"] ?? "");
        if (owner is null)
        {
            return null;
        }

        return _store.Get(owner.GroupResource, owner.Namespaced ? dependent.Namespace : "", (string?)reference["name"] ?? "");
    }

    private void Patch(ObjectKey key, Action<JsonObject> change)
    {
        if (_registry.StorageVersion(key.Resource) is not { } resource)
        {
            return;
        }

        try
        {
            _writer.Mutate(resource, key.Namespace, key.Name, null, Write, current =>
            {
                var copy = current.CloneObject();
                change(copy);
                return copy;
            });
        }
        catch (ApiException e) when (e.Code is 404 or 409 or 422)
        {
            // Gone meanwhile, or the object no longer admits writes: nothing more the collector can do.
        }
    }

    private void RemoveFinalizer(StoredObject owner, string finalizer) =>
        Patch(new ObjectKey(owner.Resource, owner.Namespace, owner.Name), obj =>
            Meta.SetFinalizers(obj, Meta.Finalizers(obj).Where(f => f != finalizer).ToList()));

    private static IEnumerable<JsonObject> OwnerReferences(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>();

    private static IEnumerable<string> OwnerUids(JsonObject obj) =>
        OwnerReferences(obj).Select(r => (string?)r["uid"] ?? "").Where(u => u.Length > 0);

    private static void SetOwnerReferences(JsonObject obj, JsonNode?[] references)
    {
        var meta = Meta.Of(obj);
        if (references.Length == 0)
        {
            meta.Remove("ownerReferences");
        }
        else
        {
            meta["ownerReferences"] = new JsonArray(references);
        }
    }
}
