using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Controllers;

/// <summary>
/// Namespace deletion: once a namespace is Terminating, delete everything in it; when nothing is left
/// (objects with finalizers keep it waiting), remove the <c>kubernetes</c> finalizer through
/// <c>/finalize</c>, which lets the namespace itself go.
/// </summary>
public sealed class NamespaceController : IClusterController
{
    private static readonly GroupResource Namespaces = new("", "namespaces");
    private static readonly WriteRequest Write = WriteRequest.Internal("namespace-controller");

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly ObjectWriter _writer;
    private readonly ObjectDeleter _deleter;

    public NamespaceController(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, ObjectDeleter deleter)
    {
        _store = store;
        _registry = registry;
        _writer = writer;
        _deleter = deleter;
    }

    public void Handle(StoreEvent e)
    {
        if (e.Object.Resource == Namespaces)
        {
            if (e.Type != StoreEventType.Deleted && Meta.IsDeleting(e.Object.Object))
            {
                Drain(e.Object.Name);
            }

            return;
        }

        if (e.Type == StoreEventType.Deleted && e.Object.Namespace.Length > 0 &&
            _store.Get(Namespaces, "", e.Object.Namespace) is { } ns && Meta.IsDeleting(ns.Object))
        {
            Drain(ns.Name);
        }
    }

    private void Drain(string ns)
    {
        var remaining = _store.ListNamespace(ns);
        foreach (var item in remaining.Where(i => !Meta.IsDeleting(i.Object)))
        {
            if (_registry.StorageVersion(item.Resource) is not { } resource)
            {
                continue;
            }

            try
            {
                _deleter.Delete(resource, item.Namespace, item.Name, new DeleteRequest(PropagationPolicy.Background, item.Uid, null, false));
            }
            catch (ApiException e) when (e.Code is 404 or 409)
            {
                // Already gone or replaced.
            }
        }

        if (_store.ListNamespace(ns).Count > 0 || _registry.StorageVersion(Namespaces) is not { } namespaces)
        {
            return;
        }

        try
        {
            _writer.Mutate(namespaces, "", ns, "finalize", Write, current =>
            {
                var copy = current.CloneObject();
                if (copy["spec"] is JsonObject spec && spec["finalizers"] is JsonArray finalizers)
                {
                    spec["finalizers"] = new JsonArray(finalizers.Where(f => (string?)f != "kubernetes").Select(f => f?.DeepClone()).ToArray());
                }

                return copy;
            });
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }
}
