using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Keel.Model.Rendering;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;

namespace Keel.Operator.Children;

/// <summary>The typed operations of one child kind over the shared cache.</summary>
public class ChildKind<T> : ChildKind
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly InformerCache _cache;
    private IObjectCache<T>? _reader;
    private IDisposable? _ownerHandler;

    public ChildKind(InformerCache cache, bool optional)
        : base(ResourceRegistry.Get<T>(), optional)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
    }

    public override bool IsWatched => _cache.Informers.Any(i => i.ObjectType == typeof(T));

    /// <summary>The kind's cache reader; creating it creates the informer, so only call it for served kinds.</summary>
    protected IObjectCache<T> Reader => _reader ??= _cache.For<T>();

    public override async Task StartWatchingAsync(Action<ObjectKey> enqueueOwner, ResourceInfo owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enqueueOwner);
        var informer = _cache.GetInformer<T>();
        _reader ??= _cache.For<T>();
        if (_ownerHandler is null)
        {
            // The same mapping as the builder's Owns<T>(): a child's change wakes its controlling ModelService.
            _ownerHandler = informer.AddHandler(e =>
            {
                if (e.Type == InformerEventType.Resync || (e.Type == InformerEventType.Added && e.IsInInitialList))
                {
                    return;
                }

                var current = OwnerMapping.ControllerOwnerKey(e.Object, owner);
                if (current is { } key)
                {
                    enqueueOwner(key);
                }

                if (e.OldObject is { } old && OwnerMapping.ControllerOwnerKey(old, owner) is { } previous && previous != current)
                {
                    enqueueOwner(previous);
                }
            });
        }

        await informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void RegisterOwns(ControllerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Owns<T>();
    }

    public override IKubernetesObject<V1ObjectMeta>? Peek(ObjectKey key) => IsServed && IsWatched ? Reader.Peek(key) : null;

    public override IReadOnlyList<IKubernetesObject<V1ObjectMeta>> ControlledBy(string ownerUid)
        => IsServed && IsWatched ? Reader.ControlledBy(ownerUid) : [];

    public override async Task<ChildApplied> ApplyAsync(RenderedChild child, ChildWriters writers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(writers);
        var live = (T?)Peek(new ObjectKey(child.Namespace, child.Name));
        var result = await writers.Operator.ApplyAsync(Desired(child), live, cancellationToken).ConfigureAwait(false);
        return new ChildApplied(result.Outcome, live is null, result.Object ?? live, result.Reason);
    }

    /// <summary>
    /// The object to apply: the rendered one, with the schema defaults inside its atomic lists filled in for the kinds
    /// defined by CRDs (see <see cref="AtomicListDefaults"/>), so an unchanged child compares equal to the live one.
    /// </summary>
    protected T Desired(RenderedChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!IsOptional || KubernetesSerializer.ToNode(child.Object) is not JsonObject json || !AtomicListDefaults.Fill(json, Resource))
        {
            return (T)child.Object;
        }

        return KubernetesSerializer.FromNode<T>(json);
    }

    public override Task<DeleteOutcome> DeleteAsync(IKubernetesObject<V1ObjectMeta> obj, ObjectWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.DeleteAsync((T)obj, PropagationPolicy.Background, cancellationToken);
    }
}
