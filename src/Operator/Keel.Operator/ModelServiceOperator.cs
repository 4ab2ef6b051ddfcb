using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Children;
using Keel.Operator.Conflicts;
using Keel.Operator.Discovery;
using Keel.Operator.Presets;
using Keel.Runtime.Apply;
using Keel.Runtime.Controllers;
using Keel.Runtime.Hosting;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Operator;

/// <summary>
/// The ModelService operator on a <see cref="ControllerManager"/>: declares the controller (ModelService primary; the
/// built-in child kinds owned; ConfigMap and BaseConfig presets mapped to the ModelServices that name them; ModelServices
/// mapped to the ones waiting for their model name), the cache indexes, and the discovery of optional APIs.
/// <code>
/// var manager = new ControllerManager(client, managerOptions, loggers);
/// var op = new ModelServiceOperator(manager, new ModelServiceOperatorOptions { PoolApi = InferencePoolApi.V1 }, loggers);
/// await op.RunAsync(stoppingToken);
/// </code>
/// </summary>
public sealed class ModelServiceOperator
{
    public const string ControllerName = "modelservice";

    private readonly ControllerManager _manager;

    public ModelServiceOperator(ControllerManager manager, ModelServiceOperatorOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        _manager = manager ?? throw new ArgumentNullException(nameof(manager));
        Options = options ?? new ModelServiceOperatorOptions();
        loggers ??= NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        if (manager.Options.FieldManager != ModelServiceOperatorOptions.FieldManager)
        {
            throw new ArgumentException($"The manager's field manager must be {ModelServiceOperatorOptions.FieldManager}.", nameof(manager));
        }

        Metrics = new OperatorMetrics(manager.Metrics);
        Kinds = new ChildKindCatalog(manager.Cache);
        var modelServices = manager.GetCache<ModelService>();
        modelServices.AddIndex(PresetLookup.IndexName, PresetLookup.IndexValues);
        modelServices.AddIndex(ModelNameClaims.IndexName, ModelNameClaims.IndexValues);
        var presets = new PresetLookup(manager.GetCache<V1ConfigMap>(), manager.GetCache<BaseConfig>(), Options.ToRenderSettings().PresetTrust);

        Discovery = new OptionalApiDiscovery(manager.Client, Kinds, manager.Options.Cache.Namespace, Options.ApiDiscoveryInterval,
            loggers.CreateLogger("Keel.Operator.Discovery"), time);
        var writers = new ChildWriters(
            manager.Writer,
            new ObjectWriter(manager.Client, ModelServiceOperatorOptions.InitialReplicasFieldManager, manager.Cache, manager.Metrics, loggers.CreateLogger("Keel.Runtime.Apply")));
        Reconciler = new ModelServiceReconciler(modelServices, presets, Kinds, writers, manager.Events, Discovery, Options, Metrics,
            loggers.CreateLogger("Keel.Operator.ModelService"), time);

        var builder = manager.NewController()
            .Named(ControllerName)
            .For<ModelService>()
            .Watches<V1ConfigMap>(c => modelServices.KeysByIndex(PresetLookup.IndexName, PresetLookup.IndexValue(AppliedConfigKinds.ConfigMap, c.Metadata.NamespaceProperty, c.Metadata.Name)))
            .Watches<BaseConfig>(b => modelServices.KeysByIndex(PresetLookup.IndexName, PresetLookup.IndexValue(AppliedConfigKinds.BaseConfig, b.Metadata.NamespaceProperty, b.Metadata.Name)))
            .Watches<ModelService>(NameWaiters, new FuncPredicate<ModelService>(
                update: (old, now) => (old.Metadata.DeletionTimestamp is null) != (now.Metadata.DeletionTimestamp is null),
                generic: _ => false))
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = Options.MaxConcurrentReconciles, TerminalRequeueAfter = Options.InvalidInputRetry });
        foreach (var kind in Kinds.All.Where(k => !k.IsOptional))
        {
            kind.RegisterOwns(builder);
        }

        Controller = builder.Complete(Reconciler);
        Discovery.EnqueueOwner = Controller.Enqueue;
        Discovery.Changed = changed =>
        {
            foreach (var kind in changed)
            {
                Metrics.ReportServed(kind);
            }

            foreach (var key in modelServices.List().Select(ObjectKey.From))
            {
                Controller.Enqueue(key);
            }
        };
        foreach (var kind in Kinds.Optional)
        {
            Metrics.ReportServed(kind);
        }

        IEnumerable<ObjectKey> NameWaiters(ModelService changed) =>
            ModelNameClaims.Claim(changed) is { } claim
                ? modelServices.KeysByIndex(ModelNameClaims.IndexName, claim).Where(k => k != ObjectKey.From(changed))
                : [];
    }

    public ModelServiceOperatorOptions Options { get; }

    public ControllerManager Manager => _manager;

    public Controller Controller { get; }

    public ModelServiceReconciler Reconciler { get; }

    public ChildKindCatalog Kinds { get; }

    public OptionalApiDiscovery Discovery { get; }

    public OperatorMetrics Metrics { get; }

    /// <summary>Runs the manager and the discovery of optional APIs until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var discoveryStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var discovery = Task.Run(() => Discovery.RunAsync(discoveryStop.Token), CancellationToken.None);
        try
        {
            await _manager.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await discoveryStop.CancelAsync().ConfigureAwait(false);
            await discovery.ConfigureAwait(false);
        }
    }
}
