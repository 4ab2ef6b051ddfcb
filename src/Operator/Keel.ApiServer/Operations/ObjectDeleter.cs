using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Operations;

/// <summary>
/// Delete with the real server's semantics: preconditions, propagation policies expressed as the
/// garbage collector's finalizers (<c>orphan</c>, <c>foregroundDeletion</c>), and deferred deletion
/// (deletionTimestamp) while any finalizer remains. The garbage collector does the rest.
/// </summary>
public sealed class ObjectDeleter
{
    private const int MaxAttempts = 16;
    private readonly ObjectWriter _writer;

    public ObjectDeleter(ObjectWriter writer) => _writer = writer;

    public WriteResult Delete(ServedResource resource, string ns, string name, DeleteRequest request)
    {
        var definition = resource.Definition;
        var store = _writer.Store;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = store.Get(definition.GroupResource, ns, name) ?? throw ApiException.NotFound(definition.GroupResource, name);
            CheckPreconditions(definition.GroupResource, current, request);

            var finalizers = Meta.Finalizers(current.Object);
            var updated = new List<string>(finalizers);
            switch (request.Propagation)
            {
                case PropagationPolicy.Orphan:
                    updated.Remove(GcFinalizers.ForegroundDeletion);
                    AddOnce(updated, GcFinalizers.Orphan);
                    break;
                case PropagationPolicy.Foreground:
                    updated.Remove(GcFinalizers.Orphan);
                    AddOnce(updated, GcFinalizers.ForegroundDeletion);
                    break;
                case PropagationPolicy.Background:
                    updated.Remove(GcFinalizers.Orphan);
                    updated.Remove(GcFinalizers.ForegroundDeletion);
                    break;
                default:
                    // No policy: keep whatever GC finalizers the object already carries.
                    break;
            }

            var candidate = current.CloneObject();
            Meta.SetFinalizers(candidate, updated);
            if (!Meta.IsDeleting(candidate))
            {
                definition.PrepareForDelete?.Invoke(candidate);
            }

            var deferred = Meta.Finalizers(candidate).Count > 0 || definition.HasPendingSpecFinalizers?.Invoke(candidate) == true;
            if (!deferred)
            {
                if (request.DryRun)
                {
                    return new WriteResult(current.Object, WriteEffect.Deleted, []);
                }

                var (result, tombstone) = store.Delete(definition.GroupResource, ns, name, current.ResourceVersion);
                if (result == StoreResult.Ok)
                {
                    return new WriteResult(tombstone!.Object, WriteEffect.Deleted, []);
                }

                continue;
            }

            var meta = Meta.Of(candidate);
            if (meta["deletionTimestamp"] is null)
            {
                meta["deletionTimestamp"] = ObjectTime.Format(_writer.Now);
                meta["deletionGracePeriodSeconds"] = 0;
                if (Meta.Generation(candidate) > 0)
                {
                    meta["generation"] = Meta.Generation(candidate) + 1;
                }
            }

            if (JsonNode.DeepEquals(candidate, current.Object))
            {
                return new WriteResult(current.Object, WriteEffect.DeletionPending, []);
            }

            if (request.DryRun)
            {
                return new WriteResult(candidate, WriteEffect.DeletionPending, []);
            }

            var (updateResult, stored) = store.Update(definition.GroupResource, candidate, current.ResourceVersion);
            if (updateResult == StoreResult.Ok)
            {
                return new WriteResult(stored!.Object, WriteEffect.DeletionPending, []);
            }
        }

        throw ApiException.StaleResourceVersion(definition.GroupResource, name);
    }

    private static void CheckPreconditions(GroupResource resource, StoredObject current, DeleteRequest request)
    {
        if (request.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw ApiException.Conflict(resource, current.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }

        var rv = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.PreconditionResourceVersion is { Length: > 0 } version && version != rv)
        {
            throw ApiException.Conflict(resource, current.Name,
                $"Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {rv}");
        }
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
