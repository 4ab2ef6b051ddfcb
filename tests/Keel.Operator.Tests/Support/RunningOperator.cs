using k8s;
using Keel.Operator;
using Keel.Runtime.Cache;
using Keel.Runtime.Hosting;
using Keel.Runtime.Informers;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Metrics;
using Keel.Runtime.Queue;
using Keel.Runtime.Resources;

namespace Keel.Operator.Tests.Support;

/// <summary>The real operator (manager, controller, discovery) running against a <see cref="TestCluster"/> with its own client.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Kubernetes _client;

    private RunningOperator(ModelServiceOperator op, Kubernetes client)
    {
        Operator = op;
        _client = client;
        Run = Task.Run(() => op.RunAsync(_stop.Token));
    }

    public ModelServiceOperator Operator { get; }

    public ControllerManager Manager => Operator.Manager;

    public Task Run { get; }

    public long Completed => Operator.Reconciler.Completed;

    public static ManagerOptions ManagerOptions(bool leaderElection = false, string identity = "solo", string? watchNamespace = null) => new()
    {
        Name = ModelServiceOperatorOptions.FieldManager,
        FieldManager = ModelServiceOperatorOptions.FieldManager,
        MetricsBindAddress = "127.0.0.1:0",
        HealthProbeBindAddress = "127.0.0.1:0",
        GracefulShutdownTimeout = TimeSpan.FromSeconds(5),
        Cache = new CacheOptions
        {
            Namespace = watchNamespace,
            Informer = new InformerOptions
            {
                ResyncPeriod = null,
                Backoff = new BackoffOptions { Initial = TimeSpan.FromMilliseconds(50), Max = TimeSpan.FromMilliseconds(500) },
            },
        },
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = leaderElection,
            Identity = identity,
            LeaseName = "modelservice-operator",
            LeaseNamespace = "default",
            LeaseDuration = TimeSpan.FromSeconds(4),
            RenewDeadline = TimeSpan.FromSeconds(3),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        },
    };

    public static ModelServiceOperatorOptions OperatorOptions() => new()
    {
        ApiDiscoveryInterval = TimeSpan.FromMilliseconds(200),
        MaxConcurrentReconciles = 2,
    };

    public static RunningOperator Start(TestCluster cluster, ModelServiceOperatorOptions? options = null, ManagerOptions? manager = null, RuntimeMetrics? metrics = null)
    {
        var client = cluster.NewClient(metrics);
        var controllerManager = new ControllerManager(client, manager ?? ManagerOptions(), metrics: metrics);
        var op = new ModelServiceOperator(controllerManager, options ?? OperatorOptions());
        return new RunningOperator(op, client);
    }

    /// <summary>Waits until every key handed to the controller so far has been reconciled and nothing waits.</summary>
    public async Task SettleAsync()
    {
        // Quiet twice in a row, a few informer round trips apart: our own writes echo back as events first.
        for (var quiet = 0; quiet < 2;)
        {
            await Eventually.TrueAsync(() => Manager.IsLeading && Operator.Controller.QueueDepth == 0 && Operator.Reconciler.InFlight == 0, "the work queue drains");
            var before = Completed;
            await Task.Delay(100);
            quiet = Completed == before && Operator.Controller.QueueDepth == 0 && Operator.Reconciler.InFlight == 0 ? quiet + 1 : 0;
        }
    }

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await Run.WaitAsync(Eventually.DefaultTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        await Manager.DisposeAsync();
        Operator.Discovery.Dispose();
        _client.Dispose();
        _stop.Dispose();
    }
}
