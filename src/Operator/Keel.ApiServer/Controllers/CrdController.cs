using System.Text.Json.Nodes;
using Keel.ApiServer.Crds;
using Keel.ApiServer.Http;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Controllers;

/// <summary>
/// Serves CRDs. Registration happens inside the commit (a store listener), so a CRD's resources are
/// served the moment its create returns; the controller loop then reports it in status
/// (<c>NamesAccepted</c>, <c>Established</c>, <c>acceptedNames</c>, <c>storedVersions</c>) and, when the CRD
/// is deleted, removes every custom resource before releasing its cleanup finalizer.
/// </summary>
public sealed class CrdController : IClusterController
{
    public static readonly GroupResource Crds = new("apiextensions.k8s.io", "customresourcedefinitions");
    private static readonly WriteRequest Write = WriteRequest.Internal("apiextensions-apiserver");

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly ObjectWriter _writer;
    private readonly ObjectDeleter _deleter;

    public CrdController(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, ObjectDeleter deleter)
    {
        _store = store;
        _registry = registry;
        _writer = writer;
        _deleter = deleter;
        store.AddListener(Register);
    }

    /// <summary>Runs under the store lock: (re)registers or unregisters the CRD's resources.</summary>
    private void Register(StoreEvent e)
    {
        if (e.Object.Resource != Crds)
        {
            return;
        }

        var crd = e.Object.Object;
        var resource = CrdResources.GroupResourceOf(crd);
        if (e.Type == StoreEventType.Deleted)
        {
            _registry.ReplaceAll(resource, []);
            // The resource is gone: end its watches as the real server does (clients re-discover).
            _store.CloseWatches(resource, WatchCloseReason.Shutdown);
            return;
        }

        if (e.Previous is not null && JsonNode.DeepEquals(e.Previous.Object["spec"], crd["spec"]))
        {
            return;
        }

        if (e.Previous is not null)
        {
            var previous = CrdResources.GroupResourceOf(e.Previous.Object);
            if (previous != resource)
            {
                _registry.ReplaceAll(previous, []);
            }
        }

        _registry.ReplaceAll(resource, CrdResources.From(crd));
    }

    /// <summary>Re-registers every stored CRD (after loading a snapshot).</summary>
    public void RegisterAll()
    {
        foreach (var crd in _store.List(Crds, null).Items)
        {
            _registry.ReplaceAll(CrdResources.GroupResourceOf(crd.Object), CrdResources.From(crd.Object));
        }
    }

    public void Handle(StoreEvent e)
    {
        if (e.Object.Resource == Crds)
        {
            if (e.Type == StoreEventType.Deleted)
            {
                return;
            }

            if (Meta.IsDeleting(e.Object.Object))
            {
                CleanUp(e.Object);
            }
            else
            {
                Establish(e.Object);
            }

            return;
        }

        // A custom resource of a terminating CRD went away: maybe the CRD can go now.
        if (e.Type == StoreEventType.Deleted)
        {
            var crd = _store.Get(Crds, "", $"{e.Object.Resource.Resource}.{e.Object.Resource.Group}");
            if (crd is not null && Meta.IsDeleting(crd.Object))
            {
                CleanUp(crd);
            }
        }
    }

    private void Establish(StoredObject crd)
    {
        var desired = Status(crd.Object, terminating: false);
        if (JsonNode.DeepEquals(WithoutTimes(crd.Object["status"]), WithoutTimes(desired)))
        {
            return;
        }

        SetStatus(crd, desired);
    }

    private void CleanUp(StoredObject crd)
    {
        var resource = CrdResources.GroupResourceOf(crd.Object);
        var served = _registry.StorageVersion(resource);
        var remaining = _store.List(resource, null).Items;
        if (served is not null)
        {
            foreach (var item in remaining.Where(i => !Meta.IsDeleting(i.Object)))
            {
                try
                {
                    _deleter.Delete(served, item.Namespace, item.Name, new DeleteRequest(PropagationPolicy.Background, item.Uid, null, false));
                }
                catch (ApiException e) when (e.Code is 404 or 409)
                {
                    // Already gone.
                }
            }
        }

        if (_store.List(resource, null).Items.Count > 0)
        {
            SetStatus(crd, Status(crd.Object, terminating: true));
            return;
        }

        Mutate(crd, copy => Meta.SetFinalizers(copy, Meta.Finalizers(copy).Where(f => f != BuiltInDefaults.CustomResourceCleanupFinalizer).ToList()), null);
    }

    private void SetStatus(StoredObject crd, JsonObject status) => Mutate(crd, copy => copy["status"] = status.DeepClone(), "status");

    private void Mutate(StoredObject crd, Action<JsonObject> change, string? subresource)
    {
        if (_registry.StorageVersion(Crds) is not { } crds)
        {
            return;
        }

        try
        {
            _writer.Mutate(crds, "", crd.Name, subresource, Write, current =>
            {
                var copy = current.CloneObject();
                change(copy);
                return copy;
            });
        }
        catch (ApiException e) when (e.Code is 404 or 409 or 422)
        {
            // Gone meanwhile or rejected: the next event brings us back.
        }
    }

    private JsonObject Status(JsonObject crd, bool terminating)
    {
        var now = ObjectTime.Format(_writer.Now);
        var spec = crd["spec"] as JsonObject ?? [];
        var previous = (crd["status"]?["storedVersions"] as JsonArray ?? []).Select(v => (string?)v ?? "").ToList();
        var storage = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().Where(v => JsonNumbers.Bool(v["storage"]) == true).Select(v => (string?)v["name"] ?? "");
        var stored = previous.Concat(storage).Distinct().ToList();
        var conditions = new JsonArray
        {
            Condition("NamesAccepted", "True", "NoConflicts", "no conflicts found", now),
            Condition("Established", "True", "InitialNamesAccepted", "the initial names have been accepted", now),
        };
        if (terminating)
        {
            conditions.Add(Condition("Terminating", "True", "InstanceDeletionInProgress", "CustomResource deletion is in progress", now));
        }

        return new JsonObject
        {
            ["conditions"] = conditions,
            ["acceptedNames"] = spec["names"]?.DeepClone() ?? new JsonObject(),
            ["storedVersions"] = new JsonArray(stored.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        };
    }

    private static JsonObject Condition(string type, string status, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static JsonNode? WithoutTimes(JsonNode? status)
    {
        var copy = status?.DeepClone();
        foreach (var c in (copy?["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            c.Remove("lastTransitionTime");
        }

        return copy;
    }
}
