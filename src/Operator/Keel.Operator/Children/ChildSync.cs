using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Runtime.Apply;
using Keel.Runtime.Client;
using Keel.Runtime.Resources;

namespace Keel.Operator.Children;

/// <summary>A desired child after the apply: its kind and the object as now known (null when it does not exist).</summary>
public sealed record ChildState(RenderedChild Child, ChildKind Kind, IKubernetesObject<V1ObjectMeta>? Live)
{
    public bool Exists => Live is not null && Live.Metadata?.DeletionTimestamp is null;
}

/// <summary>A child the API server refused (invalid, forbidden...): reported on the ModelService, never thrown.</summary>
/// <param name="Retryable">True when the cause may go away without the ModelService changing (RBAC granted later).</param>
public sealed record ApplyFailure(RenderedChild Child, HttpStatusCode? Code, string Message, bool Retryable);

/// <summary>What one pass over a ModelService's children did.</summary>
public sealed record ChildSyncResult(
    IReadOnlyList<ChildState> States,
    IReadOnlyList<ChildKind> MissingApis,
    IReadOnlyList<ApplyFailure> Failures,
    IReadOnlyList<ChildState> Created,
    IReadOnlyList<(ChildState State, string? Reason)> Updated,
    IReadOnlyList<(ChildKind Kind, ObjectKey Key)> Deleted)
{
    public int Writes => Created.Count + Updated.Count + Deleted.Count;
}

/// <summary>
/// Applies a ModelService's desired children in order, with server-side apply and the no-op check (no request when the
/// cache shows nothing would change), then deletes the children it controls that are no longer desired, across every
/// kind the cluster serves (owner-uid index). Transient API errors (409, 429, 5xx, network) are thrown so the reconcile
/// is retried with backoff; a child the server refuses (400, 403, 404, 422) is reported and the others still apply.
/// </summary>
public sealed class ChildSync(ChildKindCatalog kinds, ChildWriters writers)
{
    public async Task<ChildSyncResult> SyncAsync(ModelService owner, IReadOnlyList<RenderedChild> desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(desired);
        var states = new List<ChildState>(desired.Count);
        var missing = new List<ChildKind>();
        var failures = new List<ApplyFailure>();
        var created = new List<ChildState>();
        var updated = new List<(ChildState, string?)>();
        var wanted = new HashSet<(ChildKind, ObjectKey)>();
        foreach (var child in desired)
        {
            var kind = kinds.For(child);
            var key = new ObjectKey(child.Namespace, child.Name);
            wanted.Add((kind, key));
            if (!kind.IsServed)
            {
                if (!missing.Contains(kind))
                {
                    missing.Add(kind);
                }

                states.Add(new ChildState(child, kind, null));
                continue;
            }

            try
            {
                var applied = await kind.ApplyAsync(child, writers, cancellationToken).ConfigureAwait(false);
                var state = new ChildState(child, kind, applied.Live);
                states.Add(state);
                if (applied.Outcome == ApplyOutcome.Applied)
                {
                    if (applied.Created)
                    {
                        created.Add(state);
                    }
                    else
                    {
                        updated.Add((state, applied.Reason));
                    }
                }
            }
            catch (HttpOperationException e) when (IsRefusal(e))
            {
                var code = ApiErrors.StatusOf(e);
                failures.Add(new ApplyFailure(child, code, $"the API server refused {child.Kind} {child.Name}: {ApiErrors.Describe(e)}", code is HttpStatusCode.Forbidden or HttpStatusCode.NotFound));
                states.Add(new ChildState(child, kind, kind.Peek(key)));
            }
        }

        var deleted = await PruneAsync(owner, wanted, cancellationToken).ConfigureAwait(false);
        return new ChildSyncResult(states, missing, failures, created, updated, deleted);
    }

    private async Task<IReadOnlyList<(ChildKind, ObjectKey)>> PruneAsync(ModelService owner, HashSet<(ChildKind, ObjectKey)> wanted, CancellationToken cancellationToken)
    {
        var uid = owner.Metadata?.Uid;
        if (string.IsNullOrEmpty(uid))
        {
            return [];
        }

        var deleted = new List<(ChildKind, ObjectKey)>();
        foreach (var kind in kinds.All)
        {
            foreach (var obj in kind.ControlledBy(uid))
            {
                var key = ObjectKey.From(obj);
                if (wanted.Contains((kind, key)) || obj.Metadata.DeletionTimestamp is not null)
                {
                    continue;
                }

                if (await kind.DeleteAsync(obj, writers.Operator, cancellationToken).ConfigureAwait(false) == DeleteOutcome.Deleted)
                {
                    deleted.Add((kind, key));
                }
            }
        }

        return deleted;
    }

    /// <summary>Errors that retrying the same request cannot fix: the server understood and refused it.</summary>
    private static bool IsRefusal(HttpOperationException e) => ApiErrors.StatusOf(e) is
        HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity
        or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.RequestEntityTooLarge;
}
