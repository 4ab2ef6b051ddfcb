using System.Net;
using k8s;
using k8s.Models;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Events;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Metrics;
using Keel.Runtime.Rbac;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Keel.Runtime.Hosting;

/// <summary>
/// Runs an operator (controller-runtime's manager): the shared cache, the controllers, leader election, Events, and
/// the metrics and probe endpoints. <see cref="RunAsync"/> starts the informers (they warm up before leadership),
/// serves <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>, campaigns for the lease when leader election is on and runs
/// the controllers only while leading; on cancellation it stops taking work, gives in-flight reconciles
/// <see cref="ManagerOptions.GracefulShutdownTimeout"/> to finish, cancels the rest and releases the lease.
/// </summary>
public sealed class ControllerManager : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<Controller> _controllers = [];
    private readonly HealthChecks _health = new();
    private readonly HealthChecks _ready = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _leading;
    private volatile bool _stopping;
    private int _running;

    public ControllerManager(IKubernetes client, ManagerOptions? options = null, ILoggerFactory? loggers = null, RuntimeMetrics? metrics = null, TimeProvider? time = null)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? new ManagerOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger("Keel.Runtime.Manager");
        _time = time ?? TimeProvider.System;
        Metrics = metrics ?? new RuntimeMetrics();
        Cache = new InformerCache(client, Options.Cache, _loggers, _time, Permissions);
        Writer = new ObjectWriter(client, Options.FieldManager, Cache, Metrics, _loggers.CreateLogger("Keel.Runtime.Apply"));
        Events = new EventRecorder(client, Options.Name, logger: _loggers.CreateLogger("Keel.Runtime.Events"), time: _time, permissions: Permissions);
        Election = Options.LeaderElection.Enabled
            ? new LeaseElection(client, Options.LeaderElection, Metrics, _loggers.CreateLogger("Keel.Runtime.LeaderElection"), Permissions)
            : null;

        Metrics.TrackInformers(() => Cache.Informers);
        _health.Add("ping", () => !_stopping);
        _ready.Add("shutdown", () => !_stopping);
        _ready.Add("informers-synced", () => Cache.HasSynced);
        _ready.Add("controllers", () => Election is null ? _leading : !Election.IsLeader || _leading);
    }

    public IKubernetes Client { get; }

    /// <summary>
    /// What this operator must be allowed to do, declared by the pieces that do it (informers, controllers, Events,
    /// leader election) and by controllers through <see cref="ControllerBuilder.Requires"/>: the source of its
    /// generated RBAC roles (<see cref="Rbac.RbacRoles"/>). Complete once every controller is declared.
    /// </summary>
    public PermissionSet Permissions { get; } = new();

    public ManagerOptions Options { get; }

    public InformerCache Cache { get; }

    public RuntimeMetrics Metrics { get; }

    /// <summary>Server-side apply and prune with <see cref="ManagerOptions.FieldManager"/>, reading live objects from <see cref="Cache"/>.</summary>
    public ObjectWriter Writer { get; }

    public EventRecorder Events { get; }

    /// <summary>The lease campaign, or null when leader election is off.</summary>
    public LeaseElection? Election { get; }

    public IReadOnlyList<Controller> Controllers => _controllers;

    /// <summary>True while this instance runs its controllers (always, once started, without leader election).</summary>
    public bool IsLeading => _leading;

    /// <summary>The <c>/metrics</c> base address once started (null when disabled).</summary>
    public Uri? MetricsAddress { get; private set; }

    /// <summary>The probes' base address once started (null when disabled).</summary>
    public Uri? HealthProbeAddress { get; private set; }

    /// <summary>Completes once the endpoints are bound and the informers started.</summary>
    public Task Started => _started.Task;

    /// <summary>Declares a controller; <see cref="ControllerBuilder.Complete(IReconciler)"/> registers it here.</summary>
    public ControllerBuilder NewController()
    {
        if (Volatile.Read(ref _running) != 0)
        {
            throw new InvalidOperationException("Controllers must be declared before the manager runs.");
        }

        return new ControllerBuilder(Cache, Metrics, _loggers, _time, _controllers.Add);
    }

    /// <summary>A read-only view of a kind in the shared cache.</summary>
    public IObjectCache<T> GetCache<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
        => Cache.For<T>();

    /// <summary>Adds a liveness check to <c>/healthz</c>.</summary>
    public void AddHealthCheck(string name, Func<bool> check) => _health.Add(name, check);

    /// <summary>Adds a readiness check to <c>/readyz</c>.</summary>
    public void AddReadyCheck(string name, Func<bool> check) => _ready.Add(name, check);

    /// <summary>
    /// True when <c>/readyz</c> would answer 200: not shutting down, every informer synced, and — without leader
    /// election — the controllers started; with it, the leader has started its controllers (a follower only needs
    /// synced caches, so it can take over quickly).
    /// </summary>
    public bool IsReady => _ready.Evaluate().All(r => r.Ok);

    /// <summary>Runs until <paramref name="cancellationToken"/> fires, then shuts down gracefully.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("The manager is already running.");
        }

        var servers = new List<ProbeServer>();
        using var background = new CancellationTokenSource();
        Task events = Task.CompletedTask;
        try
        {
            await StartServersAsync(servers, cancellationToken).ConfigureAwait(false);
            Cache.Start(background.Token);
            events = Task.Run(() => Events.RunAsync(background.Token), CancellationToken.None);
            _started.TrySetResult();
            _logger.LogInformation("Manager {Name} started: {Controllers} controllers, leader election {Election}",
                Options.Name, _controllers.Count, Election is null ? "off" : $"on ({Election.Namespace}/{Options.LeaderElection.LeaseName} as {Election.Identity})");

            if (Election is null)
            {
                await LeadAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Election.RunAsync(LeadAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _stopping = true;
            _started.TrySetResult();
            await background.CancelAsync().ConfigureAwait(false);
            await events.ConfigureAwait(false);
            await Cache.StopAsync().ConfigureAwait(false);
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            _logger.LogInformation("Manager {Name} stopped", Options.Name);
        }
    }

    public async ValueTask DisposeAsync() => await Cache.DisposeAsync().ConfigureAwait(false);

    /// <summary>Runs the controllers until <paramref name="leadership"/> ends (lost lease or shutdown), then stops them.</summary>
    private async Task LeadAsync(CancellationToken leadership)
    {
        var started = new List<Controller>();
        try
        {
            foreach (var controller in _controllers)
            {
                await controller.StartAsync(leadership).ConfigureAwait(false);
                started.Add(controller);
            }

            _leading = true;
            await Task.Delay(Timeout.Infinite, leadership).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leadership.IsCancellationRequested)
        {
        }
        finally
        {
            _leading = false;
            await Task.WhenAll(started.Select(c => c.StopAsync(Options.GracefulShutdownTimeout))).ConfigureAwait(false);
        }
    }

    private async Task StartServersAsync(List<ProbeServer> servers, CancellationToken cancellationToken)
    {
        var metricsAt = BindAddress.Parse(Options.MetricsBindAddress);
        var healthAt = BindAddress.Parse(Options.HealthProbeBindAddress);
        var metricsRoutes = new Dictionary<string, RequestDelegate>(StringComparer.Ordinal) { ["/metrics"] = ServeMetricsAsync };
        var healthRoutes = new Dictionary<string, RequestDelegate>(StringComparer.Ordinal)
        {
            ["/healthz"] = _health.ServeAsync,
            ["/readyz"] = _ready.ServeAsync,
        };

        if (metricsAt is not null && healthAt is not null && metricsAt.Equals(healthAt) && metricsAt.Port != 0)
        {
            var both = await ProbeServer.StartAsync(metricsAt, metricsRoutes.Concat(healthRoutes).ToDictionary(), _loggers, cancellationToken).ConfigureAwait(false);
            servers.Add(both);
            MetricsAddress = HealthProbeAddress = both.Address;
            return;
        }

        if (metricsAt is not null)
        {
            var server = await ProbeServer.StartAsync(metricsAt, metricsRoutes, _loggers, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            MetricsAddress = server.Address;
        }

        if (healthAt is not null)
        {
            var server = await ProbeServer.StartAsync(healthAt, healthRoutes, _loggers, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            HealthProbeAddress = server.Address;
        }
    }

    private async Task ServeMetricsAsync(HttpContext context)
    {
        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        await Metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
