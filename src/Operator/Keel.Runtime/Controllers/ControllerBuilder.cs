using k8s;
using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Metrics;
using Keel.Runtime.Rbac;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.Controllers;

/// <summary>
/// Declares a controller (controller-runtime's builder):
/// <code>
/// manager.NewController()
///     .For&lt;ModelService&gt;()                       // primary kind; default predicate: generation changed
///     .Owns&lt;V1Deployment&gt;()                      // a child's event enqueues its controlling ModelService
///     .Watches&lt;V1ConfigMap&gt;(PresetUsers)        // a preset's event enqueues every ModelService using it
///     .WithOptions(new ControllerOptions { MaxConcurrentReconciles = 4 })
///     .Complete(reconciler);
/// </code>
/// Every watched kind gets its informer from the shared cache, so two controllers never watch a kind twice.
/// </summary>
public sealed class ControllerBuilder
{
    private readonly InformerCache _cache;
    private readonly RuntimeMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly Action<Controller>? _register;
    private readonly List<Func<ResourceInfo, IWatchSource>> _secondary = [];
    private readonly List<Action<PermissionSet, string>> _permissions = [];
    private Func<IWatchSource>? _primary;
    private Type? _primaryType;
    private string? _name;
    private ControllerOptions _options = new();

    public ControllerBuilder(InformerCache cache, RuntimeMetrics? metrics = null, ILoggerFactory? loggers = null, TimeProvider? time = null)
        : this(cache, metrics ?? new RuntimeMetrics(), loggers ?? NullLoggerFactory.Instance, time ?? TimeProvider.System, null)
    {
    }

    internal ControllerBuilder(InformerCache cache, RuntimeMetrics metrics, ILoggerFactory loggers, TimeProvider time, Action<Controller>? register)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _metrics = metrics;
        _loggers = loggers;
        _time = time;
        _register = register;
    }

    /// <summary>The controller's name in logs and metrics; defaults to the primary kind in lower case.</summary>
    public ControllerBuilder Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>
    /// The primary kind: its keys are what the reconciler receives. Without predicates, updates enqueue only when the
    /// generation changed (<see cref="Predicates.GenerationChanged{T}"/>); pass predicates to choose otherwise, e.g.
    /// <c>Predicates.Or(Predicates.GenerationChanged&lt;T&gt;(), Predicates.LabelsChanged&lt;T&gt;())</c>.
    /// </summary>
    public ControllerBuilder For<T>(params IPredicate<T>[] predicates)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (_primary is not null)
        {
            throw new InvalidOperationException($"The controller already has a primary kind ({_primaryType!.Name}); For<T>() can be called once.");
        }

        IReadOnlyList<IPredicate<T>> chosen = predicates is { Length: > 0 } ? predicates : [Predicates.GenerationChanged<T>()];
        _primaryType = typeof(T);
        _primary = () => new PrimarySource<T>(_cache.GetInformer<T>(), chosen);
        _permissions.Add((set, name) => set.ListWatch<T>($"controller {name}: For({Kind<T>()})"));
        return this;
    }

    /// <summary>A child kind: an event on a child enqueues its controlling owner (ownerReference with controller: true) of the primary kind.</summary>
    public ControllerBuilder Owns<TChild>(params IPredicate<TChild>[] predicates)
        where TChild : class, IKubernetesObject<V1ObjectMeta>
    {
        IReadOnlyList<IPredicate<TChild>> chosen = predicates ?? [];
        _secondary.Add(owner => new OwnedSource<TChild>(_cache.GetInformer<TChild>(), owner, chosen));
        _permissions.Add((set, name) =>
        {
            // A controller owns what it generates: it watches, applies and prunes its children.
            var reason = $"controller {name}: Owns({Kind<TChild>()}), applied and pruned";
            set.ListWatch<TChild>(reason).Apply<TChild>(reason).Delete<TChild>(reason);
        });
        return this;
    }

    /// <summary>Any kind: an event on an object enqueues the primary keys <paramref name="map"/> returns (it may read the cache).</summary>
    public ControllerBuilder Watches<TOther>(Func<TOther, IEnumerable<ObjectKey>> map, params IPredicate<TOther>[] predicates)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(map);
        IReadOnlyList<IPredicate<TOther>> chosen = predicates ?? [];
        _secondary.Add(_ => new MappedSource<TOther>(_cache.GetInformer<TOther>(), map, chosen));
        _permissions.Add((set, name) => set.ListWatch<TOther>($"controller {name}: Watches({Kind<TOther>()})"));
        return this;
    }

    /// <summary>
    /// Declares what the reconciler needs beyond what <c>For</c>/<c>Owns</c>/<c>Watches</c> imply (status writes, a
    /// <c>bind</c> on a ClusterRole its RoleBindings reference...), next to the controller's declaration; the second
    /// argument is the controller's name, for reasons. The generated role grants it.
    /// </summary>
    public ControllerBuilder Requires(Action<PermissionSet, string> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        _permissions.Add(declare);
        return this;
    }

    public ControllerBuilder WithOptions(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxConcurrentReconciles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrentReconciles must be at least 1.");
        }

        _options = options;
        return this;
    }

    /// <summary>Builds the controller around <paramref name="reconciler"/> (and registers it with the manager that made this builder).</summary>
    public Controller Complete(IReconciler reconciler)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        if (_primary is null || _primaryType is null)
        {
            throw new InvalidOperationException("A controller needs a primary kind: call For<T>() before Complete().");
        }

        var owner = ResourceRegistry.Get(_primaryType);
        var name = _name ?? owner.Kind.ToLowerInvariant();
        foreach (var declare in _permissions)
        {
            declare(_cache.Permissions, name);
        }

        var sources = new List<IWatchSource> { _primary() };
        sources.AddRange(_secondary.Select(make => make(owner)));
        var controller = new Controller(name, _primaryType, _options, reconciler, sources, _metrics, _loggers, _time);
        _register?.Invoke(controller);
        return controller;
    }

    private static string Kind<T>() => ResourceRegistry.Get<T>().Kind;

    /// <summary>Builds the controller around a delegate.</summary>
    public Controller Complete(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile)
        => Complete(new DelegateReconciler(reconcile));
}
