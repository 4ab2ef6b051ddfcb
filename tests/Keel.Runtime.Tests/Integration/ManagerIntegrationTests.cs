using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using Keel.ApiServer.Faults;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Events;
using Keel.Runtime.Hosting;
using Keel.Runtime.Informers;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Metrics;
using Keel.Runtime.Queue;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Integration;

/// <summary>A manager with the sample controller, end to end against the local API server.</summary>
public sealed class ManagerIntegrationTests
{
    private static ManagerOptions Options(bool leaderElection = false, string identity = "solo") => new()
    {
        Name = "copy-operator",
        FieldManager = "copy-operator",
        MetricsBindAddress = "127.0.0.1:0",
        HealthProbeBindAddress = "127.0.0.1:0",
        GracefulShutdownTimeout = TimeSpan.FromSeconds(5),
        Cache = new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null, Backoff = new BackoffOptions { Initial = TimeSpan.FromMilliseconds(50), Max = TimeSpan.FromMilliseconds(500) } } },
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = leaderElection,
            Identity = identity,
            LeaseName = "copy-operator",
            LeaseDuration = TimeSpan.FromSeconds(4),
            RenewDeadline = TimeSpan.FromSeconds(3),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        },
    };

    private sealed class Started : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public Started(ControllerManager manager, CopyReconciler reconciler)
        {
            Manager = manager;
            Reconciler = reconciler;
            Run = Task.Run(() => manager.RunAsync(_stop.Token));
        }

        public ControllerManager Manager { get; }

        public CopyReconciler Reconciler { get; }

        public Task Run { get; }

        public static Started Start(IKubernetes client, ManagerOptions options, RuntimeMetrics? metrics = null)
        {
            var manager = new ControllerManager(client, options, metrics: metrics);
            var reconciler = new CopyReconciler(manager);
            CopyReconciler.Register(manager, reconciler);
            return new Started(manager, reconciler);
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Run.WaitAsync(Eventually.DefaultTimeout);
        }

        public async ValueTask DisposeAsync()
        {
            if (!Run.IsCompleted)
            {
                await StopAsync();
            }

            await Manager.DisposeAsync();
            _stop.Dispose();
        }
    }

    private static V1ConfigMap Source(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["copy"] = "yes" } },
        Data = new Dictionary<string, string> { ["value"] = value },
    };

    private static async Task<V1Secret?> CopyOfAsync(IKubernetes client, string name)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(name + "-copy", "default");
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    [Fact]
    public async Task The_sample_controller_converges_and_a_resync_sends_zero_writes()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        var source = await client.CoreV1.CreateNamespacedConfigMapAsync(Source("a", "1"), "default");
        await using var running = Started.Start(client, Options());

        // Created with an owner reference.
        await Eventually.TrueAsync(async () => (await CopyOfAsync(client, "a"))?.Data?["value"] is { } v && Encoding.UTF8.GetString(v) == "1", "the copy");
        var copy = (await CopyOfAsync(client, "a"))!;
        var owner = Assert.Single(copy.Metadata.OwnerReferences);
        Assert.Equal((source.Metadata.Uid, "ConfigMap", true), (owner.Uid, owner.Kind, owner.Controller == true));

        // Follows a change of the source.
        source.Data["value"] = "2";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(source, "a", "default");
        await Eventually.TrueAsync(async () => Encoding.UTF8.GetString((await CopyOfAsync(client, "a"))!.Data["value"]) == "2", "the copy follows");

        // Recreated when deleted by hand.
        await client.CoreV1.DeleteNamespacedSecretAsync("a-copy", "default");
        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "a") is not null, "the copy is recreated");

        // A field we own changed by another writer is restored; one we do not own is kept.
        var tampered = (await CopyOfAsync(client, "a"))!;
        tampered.Data["value"] = Encoding.UTF8.GetBytes("tampered");
        tampered.Metadata.Annotations = new Dictionary<string, string> { ["someone"] = "else" };
        await client.CoreV1.ReplaceNamespacedSecretAsync(tampered, "a-copy", "default");
        await Eventually.TrueAsync(async () => Encoding.UTF8.GetString((await CopyOfAsync(client, "a"))!.Data["value"]) == "2", "the owned field is restored");
        Assert.Equal("else", (await CopyOfAsync(client, "a"))!.Metadata.Annotations["someone"]);

        // Steady state: every object reconciled again, not one write.
        var settled = running.Reconciler.Reconciled.Count;
        await Task.Delay(300); // let the controller's own write echo settle before measuring
        var mark = cluster.Server.Requests.Mark();
        var before = running.Reconciler.Reconciled.Count;
        running.Manager.Cache.GetInformer<V1ConfigMap>().Resync();
        await Eventually.TrueAsync(() => running.Reconciler.Reconciled.Count > before && running.Manager.Controllers[0].QueueDepth == 0, "the resync reconciled");
        await Task.Delay(200);
        var writes = cluster.Server.Requests.WritesSince(mark);
        Assert.True(writes.Count == 0, string.Join("; ", writes.Select(w => $"{w.Verb} {w.Resource}/{w.Subresource} {w.Name} {w.StatusCode}")) + " after applies for: " + string.Join(" / ", running.Reconciler.ApplyReasons));
        Assert.True(settled > 0);
        Assert.True(running.Manager.Metrics.ApplyTotal.WithLabels("secrets", "skipped").Value >= 1);
    }

    [Fact]
    public async Task Two_hundred_objects_converge_with_one_write_each_and_resync_with_none()
    {
        const int count = 200;
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        for (var i = 0; i < count; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(Source($"s{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "default");
        }

        var mark = cluster.Server.Requests.Mark();
        await using var running = Started.Start(client, Options());
        await Eventually.TrueAsync(async () => (await client.CoreV1.ListNamespacedSecretAsync("default")).Items.Count == count, "every copy");
        await Eventually.TrueAsync(() => running.Reconciler.Reconciled.Count >= 2 * count && running.Manager.Controllers[0].QueueDepth == 0, "the echo reconciles");

        var applies = cluster.Server.Requests.WritesSince(mark).Count(w => w.Resource == "secrets");
        Assert.Equal(count, applies);

        mark = cluster.Server.Requests.Mark();
        var before = running.Reconciler.Reconciled.Count;
        running.Manager.Cache.GetInformer<V1ConfigMap>().Resync();
        await Eventually.TrueAsync(() => running.Reconciler.Reconciled.Count >= before + count && running.Manager.Controllers[0].QueueDepth == 0, "the resync");
        Assert.Empty(cluster.Server.Requests.WritesSince(mark));
    }

    [Fact]
    public async Task Unlabelling_the_source_prunes_the_copy()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        var source = await client.CoreV1.CreateNamespacedConfigMapAsync(Source("p", "x"), "default");
        await using var running = Started.Start(client, Options());
        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "p") is not null, "the copy");

        source.Metadata.Labels.Remove("copy");
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(source, "p", "default");
        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "p") is null, "the copy is pruned");
        Assert.Equal(1, running.Manager.Metrics.PruneTotal.WithLabels("secrets").Value);
    }

    [Fact]
    public async Task Injected_conflicts_and_server_errors_are_retried_until_convergence()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(409)) { Verb = "patch", Resource = "secrets", Times = 2 });
        cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "patch", Resource = "secrets", Times = 2 });
        cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(429)) { Verb = "patch", Resource = "secrets", Times = 1 });
        await client.CoreV1.CreateNamespacedConfigMapAsync(Source("r", "ok"), "default");
        await using var running = Started.Start(client, Options());

        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "r") is not null, "convergence despite faults");
        Assert.True(running.Manager.Metrics.ReconcileErrors.WithLabels("copy").Value >= 5);
    }

    [Fact]
    public async Task Two_managers_elect_one_leader_which_hands_over_on_stop()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Source("l", "1"), "default");
        await using var first = Started.Start(client, Options(leaderElection: true, identity: "first"));
        await Eventually.TrueAsync(() => first.Manager.IsLeading, "the first manager leads");
        await using var second = Started.Start(client, Options(leaderElection: true, identity: "second"));
        await Eventually.TrueAsync(() => second.Manager.Cache.HasSynced && second.Manager.IsReady, "the follower is ready with warm caches");

        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "l") is not null, "the leader reconciles");
        Assert.False(second.Manager.IsLeading);
        Assert.Empty(second.Reconciler.Reconciled);
        Assert.Equal("first", (await client.CoordinationV1.ReadNamespacedLeaseAsync("copy-operator", "default")).Spec.HolderIdentity);

        await first.StopAsync();
        Assert.Equal("", (await client.CoordinationV1.ReadNamespacedLeaseAsync("copy-operator", "default")).Spec.HolderIdentity ?? "");
        await Eventually.TrueAsync(() => second.Manager.IsLeading, "the second manager takes over");
        await Eventually.TrueAsync(() => !second.Reconciler.Reconciled.IsEmpty, "the new leader reconciles (replaying its cache)");
        Assert.Equal("second", (await client.CoordinationV1.ReadNamespacedLeaseAsync("copy-operator", "default")).Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_stops_its_controllers_and_rejoins_or_exits()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        var fast = Options(leaderElection: true, identity: "fragile") with
        {
            LeaderElection = Options(leaderElection: true, identity: "fragile").LeaderElection with
            {
                LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = TimeSpan.FromMilliseconds(100),
            },
        };
        await using var rejoining = Started.Start(client, fast);
        await Eventually.TrueAsync(() => rejoining.Manager.IsLeading, "leading");

        var blocked = cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "update", Resource = "leases" });
        await Eventually.TrueAsync(() => !rejoining.Manager.IsLeading, "the controllers stop when renewal fails");
        Assert.False(rejoining.Run.IsCompleted); // Rejoin: the manager keeps running and campaigns again
        cluster.Server.Faults.Remove(blocked);
        await Eventually.TrueAsync(() => rejoining.Manager.IsLeading, "leading again");
        await rejoining.StopAsync();

        await using var exiting = Started.Start(client, fast with { LeaderElection = fast.LeaderElection with { OnLost = LeadershipLostBehavior.Exit, Identity = "exiting" } });
        await Eventually.TrueAsync(() => exiting.Manager.IsLeading, "leading");
        cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "update", Resource = "leases" });
        await Assert.ThrowsAsync<LeadershipLostException>(() => exiting.Run.WaitAsync(Eventually.DefaultTimeout));
        Assert.False(exiting.Manager.IsLeading);
    }

    [Fact]
    public async Task Endpoints_answer_and_count_api_requests()
    {
        await using var cluster = await TestCluster.StartAsync();
        var metrics = new RuntimeMetrics();
        using var client = cluster.NewClient(metrics);
        await client.CoreV1.CreateNamespacedConfigMapAsync(Source("m", "1"), "default");
        await using var running = Started.Start(client, Options(), metrics);
        await running.Manager.Started.WaitAsync(Eventually.DefaultTimeout);
        using var http = new HttpClient();

        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(running.Manager.HealthProbeAddress!, "/readyz"))).IsSuccessStatusCode, "ready");
        await Eventually.TrueAsync(async () => await CopyOfAsync(client, "m") is not null, "the copy");
        var text = await http.GetStringAsync(new Uri(running.Manager.MetricsAddress!, "/metrics"));
        Assert.Contains("controller_runtime_reconcile_total{controller=\"copy\",result=\"success\"}", text, StringComparison.Ordinal);
        Assert.Matches("rest_client_requests_total\\{code=\"200\",method=\"GET\",host=\"127\\.0\\.0\\.1:\\d+\"\\} [1-9]", text);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(running.Manager.HealthProbeAddress!, "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task Repeated_events_are_folded_into_one_event_with_a_count()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        var subject = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "noisy" } }, "default");
        var recorder = new EventRecorder(client, "copy-operator");
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        for (var i = 0; i < 3; i++)
        {
            recorder.Warning(subject, "PresetNotFound", "preset p not found");
        }

        await Eventually.TrueAsync(async () =>
        {
            var events = await client.CoreV1.ListNamespacedEventAsync("default");
            return events.Items.Count == 1 && events.Items[0].Count == 3;
        }, "one Event with count 3");
        var e = (await client.CoreV1.ListNamespacedEventAsync("default")).Items.Single();
        Assert.Equal(("Warning", "PresetNotFound", "noisy", "copy-operator"), (e.Type, e.Reason, e.InvolvedObject.Name, e.Source.Component));
        await stop.CancelAsync();
        await writer;
    }
}
