using k8s;
using k8s.Models;
using Keel.Model.Rendering;
using Keel.Runtime.Apply;
using Keel.Runtime.Resources;

namespace Keel.Operator.Children;

/// <summary>
/// One kind of object a ModelService may own (Deployment, Service, InferencePool...): where it lives, whether the
/// cluster serves it, and the typed operations the controller needs on it (read the cache, apply, list what a
/// ModelService controls, delete). The typed half is <see cref="ChildKind{T}"/>.
/// </summary>
public abstract class ChildKind
{
    private volatile bool _served;

    private protected ChildKind(ResourceInfo resource, bool optional)
    {
        Resource = resource;
        IsOptional = optional;
        _served = !optional;
    }

    public ResourceInfo Resource { get; }

    /// <summary>
    /// True for kinds defined by CRDs that a cluster may not have installed (InferencePool, InferenceObjective,
    /// InferenceModel, HTTPRoute): they are watched only once discovery shows them served.
    /// </summary>
    public bool IsOptional { get; }

    /// <summary>True while the API server serves the kind and its cache is synced (always true for built-in kinds).</summary>
    public bool IsServed => _served;

    /// <summary><c>InferencePool (inference.networking.k8s.io/v1)</c>, for messages.</summary>
    public string DisplayName => $"{Resource.Kind} ({Resource.ApiVersion})";

    public bool Matches(RenderedChild child) => child.ApiVersion == Resource.ApiVersion && child.Kind == Resource.Kind;

    /// <summary>Whether the shared cache already watches this kind.</summary>
    public abstract bool IsWatched { get; }

    /// <summary>Creates (and starts) the kind's informer and makes its events enqueue the controlling ModelService.</summary>
    public abstract Task StartWatchingAsync(Action<ObjectKey> enqueueOwner, ResourceInfo owner, CancellationToken cancellationToken);

    /// <summary>The cached object (shared: never modify it), or null when absent or not watched.</summary>
    public abstract IKubernetesObject<V1ObjectMeta>? Peek(ObjectKey key);

    /// <summary>The cached objects whose controller owner has <paramref name="ownerUid"/> (shared: never modify them).</summary>
    public abstract IReadOnlyList<IKubernetesObject<V1ObjectMeta>> ControlledBy(string ownerUid);

    /// <summary>Server-side applies <paramref name="child"/> (no request when the cache shows it would change nothing).</summary>
    public abstract Task<ChildApplied> ApplyAsync(RenderedChild child, ChildWriters writers, CancellationToken cancellationToken);

    /// <summary>Deletes <paramref name="obj"/> (uid precondition, background propagation).</summary>
    public abstract Task<DeleteOutcome> DeleteAsync(IKubernetesObject<V1ObjectMeta> obj, ObjectWriter writer, CancellationToken cancellationToken);

    /// <summary>Declares the kind as owned on the controller (built-in kinds, watched from the start).</summary>
    public abstract void RegisterOwns(Keel.Runtime.Controllers.ControllerBuilder builder);

    internal void MarkServed(bool served) => _served = served;

    public override string ToString() => DisplayName;
}

/// <summary>The outcome of applying one child: whether a request went out, the object as now known, and why.</summary>
/// <param name="Outcome">Applied (at least one request) or Unchanged (none).</param>
/// <param name="Created">True when the object did not exist before.</param>
/// <param name="Live">The object after the apply: the server's answer, else the cached copy.</param>
/// <param name="Reason">The first field that made the apply necessary.</param>
public sealed record ChildApplied(ApplyOutcome Outcome, bool Created, IKubernetesObject<V1ObjectMeta>? Live, string? Reason);

/// <summary>The writers a child apply may use: the operator's field manager, and the decoupleScaling hand-over manager.</summary>
public sealed record ChildWriters(ObjectWriter Operator, ObjectWriter InitialReplicas);
