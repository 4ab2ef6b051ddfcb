using System.Collections.Concurrent;
using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Informers;
using Keel.Runtime.Metrics;
using Keel.Runtime.Queue;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Controllers;

public sealed class ControllerTests : IAsyncDisposable
{
    private static readonly ControllerOptions FastRetries = new()
    {
        RateLimiter = new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)),
        TerminalRequeueAfter = null,
    };

    private readonly FakeApi _api = new();
    private readonly InformerCache _cache;
    private readonly RuntimeMetrics _metrics = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ObjectKey> _reconciled = new();
    private Controller? _controller;

    public ControllerTests()
    {
        _cache = new InformerCache(_api, new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null } });
    }

    private FakeListWatch<V1ConfigMap> ConfigMaps => _api.Kind<V1ConfigMap>();

    private FakeListWatch<V1Secret> Secrets => _api.Kind<V1Secret>();

    private async Task<Controller> StartAsync(Func<ControllerBuilder, ControllerBuilder> declare, Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>>? reconcile = null, ControllerOptions? options = null)
    {
        var builder = declare(new ControllerBuilder(_cache, _metrics).Named("test")).WithOptions(options ?? FastRetries);
        _controller = builder.Complete(reconcile ?? ((request, _) =>
        {
            _reconciled.Enqueue(request.Key);
            return Task.FromResult(ReconcileResult.Success);
        }));
        _cache.Start(_stop.Token);
        await _controller.StartAsync(_stop.Token);
        return _controller;
    }

    private int CountOf(string name) => _reconciled.Count(k => k.Name == name);

    [Fact]
    public async Task Existing_and_new_primaries_are_reconciled_once_each()
    {
        ConfigMaps.Store(Objects.ConfigMap("a"));
        await StartAsync(b => b.For<V1ConfigMap>());
        await Eventually.TrueAsync(() => CountOf("a") == 1, "a reconciled");

        await Eventually.TrueAsync(() => ConfigMaps.Current is not null, "watch open");
        ConfigMaps.Send(WatchEventKind.Added, ConfigMaps.Store(Objects.ConfigMap("b", "other")));
        await Eventually.TrueAsync(() => _reconciled.Contains(new ObjectKey("other", "b")), "b reconciled");
        Assert.Equal(1, CountOf("a"));
    }

    [Fact]
    public async Task Errors_are_retried_with_backoff_until_success_then_the_backoff_resets()
    {
        var attempts = 0;
        ConfigMaps.Store(Objects.ConfigMap("a"));
        await StartAsync(b => b.For<V1ConfigMap>(), (_, _) =>
            Interlocked.Increment(ref attempts) < 4 ? throw new InvalidOperationException("not yet") : Task.FromResult(ReconcileResult.Success));

        await Eventually.TrueAsync(() => Volatile.Read(ref attempts) == 4, "four attempts");
        await Task.Delay(100);
        Assert.Equal(4, Volatile.Read(ref attempts)); // success stops the retries
        Assert.Equal(3, _metrics.ReconcileErrors.WithLabels("test").Value);
        Assert.Equal(1, _metrics.ReconcileTotal.WithLabels("test", "success").Value);
    }

    [Fact]
    public async Task RequeueAfter_runs_the_key_again()
    {
        var runs = 0;
        ConfigMaps.Store(Objects.ConfigMap("a"));
        await StartAsync(b => b.For<V1ConfigMap>(), (_, _) =>
            Task.FromResult(Interlocked.Increment(ref runs) < 3 ? ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(10)) : ReconcileResult.Success));

        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 3, "three runs");
        Assert.Equal(2, _metrics.ReconcileTotal.WithLabels("test", "requeue_after").Value);
    }

    [Fact]
    public async Task Terminal_is_not_retried_until_a_new_event_for_the_key()
    {
        var runs = 0;
        var cm = ConfigMaps.Store(Objects.ConfigMap("a"));
        await StartAsync(b => b.For<V1ConfigMap>(), (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(ReconcileResult.Terminal("preset missing"));
        });

        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 1, "first run");
        await Task.Delay(150);
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.Equal(1, _metrics.TerminalReconcileErrors.WithLabels("test").Value);

        await Eventually.TrueAsync(() => ConfigMaps.Current is not null, "watch open");
        cm.Data["fixed"] = "yes";
        ConfigMaps.Send(WatchEventKind.Modified, ConfigMaps.Store(cm));
        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 2, "run after the change");
    }

    [Fact]
    public async Task Terminal_with_a_long_backoff_retries_after_it()
    {
        var runs = 0;
        ConfigMaps.Store(Objects.ConfigMap("a"));
        await StartAsync(b => b.For<V1ConfigMap>(), (_, _) =>
            Task.FromResult(Interlocked.Increment(ref runs) == 1 ? ReconcileResult.Terminal("bad", TimeSpan.FromMilliseconds(50)) : ReconcileResult.Success));

        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 2, "the retry after the terminal backoff");
    }

    [Fact]
    public async Task Default_primary_predicate_drops_status_only_updates_but_not_spec_changes()
    {
        var deployments = _api.Kind<V1Deployment>();
        var d = new V1Deployment { Metadata = new V1ObjectMeta { Name = "d", NamespaceProperty = "ns", Generation = 1 } };
        deployments.Store(d);
        var runs = new ConcurrentQueue<string>();
        await StartAsync(b => b.For<V1Deployment>(), (r, _) =>
        {
            runs.Enqueue(r.Name);
            return Task.FromResult(ReconcileResult.Success);
        });
        await Eventually.TrueAsync(() => runs.Count == 1, "initial reconcile");
        await Eventually.TrueAsync(() => deployments.Current is not null, "watch open");

        d.Status = new V1DeploymentStatus { ReadyReplicas = 1 }; // status write: same generation
        deployments.Send(WatchEventKind.Modified, deployments.Store(d));
        d.Metadata.Generation = 2;                              // spec write
        deployments.Send(WatchEventKind.Modified, deployments.Store(d));

        await Eventually.TrueAsync(() => runs.Count == 2, "reconcile for the spec change");
        await Task.Delay(100);
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task Owned_children_enqueue_their_controlling_owner_only()
    {
        var owner = ConfigMaps.Store(Objects.ConfigMap("owner", "ns"));
        await StartAsync(b => b.For<V1ConfigMap>().Owns<V1Secret>());
        await Eventually.TrueAsync(() => CountOf("owner") == 1, "owner reconciled");
        await Eventually.TrueAsync(() => Secrets.Current is not null, "secret watch open");

        Secrets.Send(WatchEventKind.Added, Secrets.Store(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "child", NamespaceProperty = "ns", OwnerReferences = [Objects.ControllerRef("ConfigMap", "owner", owner.Metadata.Uid)] },
        }));
        Secrets.Send(WatchEventKind.Added, Secrets.Store(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "not-controller", NamespaceProperty = "ns",
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "other", Uid = "u", Controller = false }],
            },
        }));
        Secrets.Send(WatchEventKind.Added, Secrets.Store(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "other-kind", NamespaceProperty = "ns", OwnerReferences = [Objects.ControllerRef("Deployment", "third", "u2", "apps/v1")] },
        }));

        await Eventually.TrueAsync(() => CountOf("owner") == 2, "owner reconciled for its child");
        await Task.Delay(100);
        Assert.Equal(0, CountOf("other"));
        Assert.Equal(0, CountOf("third"));
        Assert.Equal(new ObjectKey("ns", "owner"), _reconciled.Last());
    }

    [Fact]
    public async Task Watches_maps_an_object_to_the_primaries_that_depend_on_it()
    {
        ConfigMaps.Store(Objects.ConfigMap("user-1", labels: new Dictionary<string, string> { ["preset"] = "p" }));
        ConfigMaps.Store(Objects.ConfigMap("user-2", labels: new Dictionary<string, string> { ["preset"] = "p" }));
        ConfigMaps.Store(Objects.ConfigMap("bystander"));
        var users = _cache.For<V1ConfigMap>();
        users.AddIndex("preset", cm => cm.Metadata.Labels?.TryGetValue("preset", out var p) == true ? [p] : []);

        await StartAsync(b => b.For<V1ConfigMap>().Watches<V1Secret>(s => users.KeysByIndex("preset", s.Metadata.Name)));
        await Eventually.TrueAsync(() => _reconciled.Count == 3, "initial reconciles");
        await Eventually.TrueAsync(() => Secrets.Current is not null, "secret watch open");

        Secrets.Send(WatchEventKind.Added, Secrets.Store(new V1Secret { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "default" } }));
        await Eventually.TrueAsync(() => CountOf("user-1") == 2 && CountOf("user-2") == 2, "both users reconciled again");
        Assert.Equal(1, CountOf("bystander"));
    }

    [Fact]
    public async Task Workers_run_in_parallel_up_to_the_limit_and_never_on_the_same_key()
    {
        for (var i = 0; i < 12; i++)
        {
            ConfigMaps.Store(Objects.ConfigMap($"cm-{i}"));
        }

        var active = 0;
        var peak = 0;
        var perKey = new ConcurrentDictionary<ObjectKey, int>();
        var overlap = 0;
        var gate = new TaskCompletionSource();
        await StartAsync(b => b.For<V1ConfigMap>(), async (r, ct) =>
        {
            if (perKey.AddOrUpdate(r.Key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlap);
            }

            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref peak, now);
            _reconciled.Enqueue(r.Key);
            if (now == 3)
            {
                gate.TrySetResult();
            }

            await gate.Task.WaitAsync(ct);
            Interlocked.Decrement(ref active);
            perKey.AddOrUpdate(r.Key, 0, (_, n) => n - 1);
            return ReconcileResult.Success;
        }, FastRetries with { MaxConcurrentReconciles = 3 });

        await Eventually.TrueAsync(() => _reconciled.Count == 12, "all reconciled");
        Assert.Equal(3, peak);
        Assert.Equal(0, overlap);
        Assert.Equal(3, _metrics.MaxConcurrentReconciles.WithLabels("test").Value);
    }

    [Fact]
    public async Task Stop_cancels_reconciles_that_outlive_the_drain_deadline_and_takes_no_new_work()
    {
        ConfigMaps.Store(Objects.ConfigMap("slow"));
        var cancelled = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var controller = await StartAsync(b => b.For<V1ConfigMap>(), async (_, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return ReconcileResult.Success;
        });
        await started.Task.WaitAsync(Eventually.DefaultTimeout);

        await controller.StopAsync(TimeSpan.FromMilliseconds(50)).WaitAsync(Eventually.DefaultTimeout);
        Assert.True(cancelled.Task.IsCompleted);
        Assert.False(controller.IsRunning);
        controller.Enqueue(new ObjectKey("default", "slow")); // ignored while stopped
        Assert.Equal(0, controller.QueueDepth);
    }

    [Fact]
    public async Task A_restarted_controller_replays_the_cache()
    {
        ConfigMaps.Store(Objects.ConfigMap("a"));
        var controller = await StartAsync(b => b.For<V1ConfigMap>());
        await Eventually.TrueAsync(() => CountOf("a") == 1, "first run");
        await controller.StopAsync(TimeSpan.FromSeconds(5));

        await controller.StartAsync(_stop.Token);
        await Eventually.TrueAsync(() => CountOf("a") == 2, "replayed after restart");
    }

    [Fact]
    public void Builder_requires_a_primary_kind()
    {
        var builder = new ControllerBuilder(_cache).Owns<V1Secret>();
        Assert.Throws<InvalidOperationException>(() => builder.Complete((_, _) => Task.FromResult(ReconcileResult.Success)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_controller is not null)
        {
            await _controller.StopAsync(TimeSpan.FromSeconds(5));
        }

        await _stop.CancelAsync();
        await _cache.DisposeAsync();
        _stop.Dispose();
    }
}
