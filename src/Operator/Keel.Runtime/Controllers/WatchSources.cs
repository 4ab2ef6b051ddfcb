using k8s;
using k8s.Models;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Controllers;

/// <summary>A kind a controller watches and how its events become keys of the controller's primary kind.</summary>
internal interface IWatchSource
{
    IInformer Informer { get; }

    /// <summary>Starts turning the informer's events into enqueued keys; dispose to stop.</summary>
    IDisposable Attach(Action<ObjectKey> enqueue);
}

internal static class EventFilter
{
    public static bool Passes<T>(IReadOnlyList<IPredicate<T>> predicates, InformerEvent<T> e)
        where T : class
    {
        foreach (var p in predicates)
        {
            var pass = e.Type switch
            {
                InformerEventType.Added => p.Create(e.Object),
                InformerEventType.Updated => p.Update(e.OldObject ?? e.Object, e.Object),
                InformerEventType.Deleted => p.Delete(e.Object),
                _ => p.Generic(e.Object),
            };
            if (!pass)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>For&lt;T&gt;</c>: an event on a primary object enqueues that object.</summary>
internal sealed class PrimarySource<T>(Informer<T> informer, IReadOnlyList<IPredicate<T>> predicates) : IWatchSource
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public IInformer Informer => informer;

    public IDisposable Attach(Action<ObjectKey> enqueue)
        => informer.AddHandler(e =>
        {
            if (EventFilter.Passes(predicates, e))
            {
                enqueue(ObjectKey.From(e.Object));
            }
        });
}

/// <summary><c>Owns&lt;TChild&gt;</c>: an event on a child enqueues its controlling owner of the primary kind.</summary>
internal sealed class OwnedSource<TChild>(Informer<TChild> informer, ResourceInfo owner, IReadOnlyList<IPredicate<TChild>> predicates) : IWatchSource
    where TChild : class, IKubernetesObject<V1ObjectMeta>
{
    public IInformer Informer => informer;

    public IDisposable Attach(Action<ObjectKey> enqueue)
        => informer.AddHandler(e =>
        {
            // Resyncs of children add nothing: the primary kind's own resync already re-checks every owner.
            if (e.Type == InformerEventType.Resync || !EventFilter.Passes(predicates, e))
            {
                return;
            }

            var current = OwnerMapping.ControllerOwnerKey(e.Object, owner);
            if (current is { } key)
            {
                enqueue(key);
            }

            // A child that changed hands wakes the previous owner too.
            if (e.OldObject is { } old && OwnerMapping.ControllerOwnerKey(old, owner) is { } previous && previous != current)
            {
                enqueue(previous);
            }
        });
}

/// <summary><c>Watches&lt;TOther&gt;(map)</c>: an event on any object enqueues the keys the map returns.</summary>
internal sealed class MappedSource<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map, IReadOnlyList<IPredicate<TOther>> predicates) : IWatchSource
    where TOther : class, IKubernetesObject<V1ObjectMeta>
{
    public IInformer Informer => informer;

    public IDisposable Attach(Action<ObjectKey> enqueue)
        => informer.AddHandler(e =>
        {
            if (e.Type == InformerEventType.Resync || !EventFilter.Passes(predicates, e))
            {
                return;
            }

            var keys = new HashSet<ObjectKey>(map(e.Object));
            if (e.Type == InformerEventType.Updated && e.OldObject is { } old)
            {
                keys.UnionWith(map(old)); // e.g. a preset renamed away from its ModelServices wakes them too
            }

            foreach (var key in keys)
            {
                enqueue(key);
            }
        });
}
