using k8s;
using k8s.Models;
using Keel.ApiServer.Faults;
using Keel.Runtime.Client;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Integration;

/// <summary>The informer against the local API server, through KubernetesClient over HTTP.</summary>
public sealed class InformerIntegrationTests
{
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private readonly List<InformerEvent<V1ConfigMap>> _events = [];

        public Running(IKubernetes client, InformerOptions options)
        {
            Informer = new Informer<V1ConfigMap>(new ResourceClient<V1ConfigMap>(client), options);
            Informer.AddHandler(e =>
            {
                lock (_events)
                {
                    _events.Add(e);
                }
            });
            _run = Task.Run(() => Informer.RunAsync(_stop.Token));
        }

        public Informer<V1ConfigMap> Informer { get; }

        public List<InformerEvent<V1ConfigMap>> Events()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(Eventually.DefaultTimeout);
            _stop.Dispose();
        }
    }

    private static InformerOptions Options(string ns) => new() { Namespace = ns, ResyncPeriod = null, Backoff = new BackoffOptions { Initial = TimeSpan.FromMilliseconds(50), Max = TimeSpan.FromMilliseconds(500) } };

    private static Task<V1ConfigMap> CreateAsync(IKubernetes client, string name, string ns = "default")
        => client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = "1" } }, ns);

    [Fact]
    public async Task Lists_then_follows_creates_updates_and_deletes_in_one_namespace()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        await CreateAsync(client, "before");
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "elsewhere" } });
        await CreateAsync(client, "ignored", "elsewhere");

        await using var running = new Running(client, Options("default"));
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        Assert.NotNull(running.Informer.Store.Get(new ObjectKey("default", "before")));

        await CreateAsync(client, "after");
        var patched = await client.CoreV1.ReplaceNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after" }, Data = new Dictionary<string, string> { ["v"] = "2" } }, "after", "default");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("before", "default");

        await Eventually.TrueAsync(() => running.Informer.Store.Get(new ObjectKey("default", "after"))?.Data["v"] == "2"
            && running.Informer.Store.Get(new ObjectKey("default", "before")) is null, "the store follows the server");
        Assert.Null(running.Informer.Store.Get(new ObjectKey("elsewhere", "ignored")));
        var types = running.Events().Where(e => e.Object.Metadata.Name is "after" or "before").Select(e => (e.Object.Metadata.Name, e.Type)).ToList();
        Assert.Equal([("before", InformerEventType.Added), ("after", InformerEventType.Added), ("after", InformerEventType.Updated), ("before", InformerEventType.Deleted)], types);
        Assert.Equal(patched.Metadata.ResourceVersion, running.Informer.Store.Get(new ObjectKey("default", "after"))!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_dropped_watch_resumes_from_the_last_resourceVersion_without_relisting_or_losing_events()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        await using var running = new Running(client, Options("default"));
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => running.Informer.Stats.Watches == 1, "the first watch");
        await CreateAsync(client, "one");
        await Eventually.TrueAsync(() => running.Informer.Store.Count == 1, "first object");

        var mark = cluster.Server.Requests.Mark();
        Assert.True(cluster.Server.Faults.CloseWatches("", "configmaps") >= 1);
        await CreateAsync(client, "two"); // written while the informer may be reconnecting
        await Eventually.TrueAsync(() => running.Informer.Store.Count == 2, "the object written during the drop");

        Assert.Equal(1, running.Informer.Stats.Lists);
        Assert.True(running.Informer.Stats.Watches >= 2);
        Assert.DoesNotContain(cluster.Server.Requests.Since(mark), r => r.Verb == "list" && r.Resource == "configmaps");
    }

    [Fact]
    public async Task An_expired_resourceVersion_relists_and_synthesizes_the_deletes_that_were_missed()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.EventHistoryLimit = 5);
        using var client = cluster.NewClient();
        await CreateAsync(client, "doomed");
        await CreateAsync(client, "kept");
        await using var running = new Running(client, Options("default"));
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => running.Informer.Stats.Watches == 1, "the first watch");

        // Keep the informer from watching while history moves past its resourceVersion.
        var refuse = cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "watch", Resource = "configmaps" });
        cluster.Server.Faults.CloseWatches("", "configmaps");
        await Eventually.TrueAsync(() => refuse.Hits >= 1, "a refused watch");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("doomed", "default");
        for (var i = 0; i < 10; i++)
        {
            await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = $"churn-{i}" } }, "default");
        }

        cluster.Server.Faults.Remove(refuse);
        await Eventually.TrueAsync(() => running.Informer.Stats.Expired >= 1 && running.Informer.Store.Get(new ObjectKey("default", "doomed")) is null, "a re-list after 410");
        var deleted = Assert.Single(running.Events(), e => e.Type == InformerEventType.Deleted);
        Assert.Equal("doomed", deleted.Object.Metadata.Name);
        Assert.True(deleted.FinalStateUnknown);
        Assert.Equal(2, running.Informer.Stats.Lists);
        Assert.NotNull(running.Informer.Store.Get(new ObjectKey("default", "kept")));
    }

    [Fact]
    public async Task Bookmarks_advance_the_resume_point_without_changes_to_the_watched_kind()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.BookmarkInterval = TimeSpan.FromMilliseconds(100));
        using var client = cluster.NewClient();
        await using var running = new Running(client, Options("default"));
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        var listed = long.Parse(running.Informer.LastSyncResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);

        var other = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, "default");
        var later = long.Parse(other.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => long.Parse(running.Informer.LastSyncResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) >= later, "a bookmark past the secret's write");
        Assert.True(later > listed);
        Assert.True(running.Informer.Stats.Bookmarks >= 1);
        Assert.Equal(0, running.Informer.Stats.Events);
    }

    [Fact]
    public async Task A_silent_watch_is_replaced_by_the_idle_watchdog()
    {
        // No bookmarks and no writes: the stream stays open and says nothing, like a half-open connection.
        await using var cluster = await TestCluster.StartAsync(o => o.BookmarkInterval = TimeSpan.FromHours(1));
        using var client = cluster.NewClient();
        await using var running = new Running(client, Options("default") with { WatchIdleTimeout = TimeSpan.FromMilliseconds(500) });
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);

        await Eventually.TrueAsync(() => running.Informer.Stats.IdleTimeouts >= 1 && running.Informer.Stats.Watches >= 2, "a replaced watch");
        Assert.Equal(1, running.Informer.Stats.Lists);
        await CreateAsync(client, "still-seen");
        await Eventually.TrueAsync(() => running.Informer.Store.Count == 1, "events after the replacement");
    }

    [Fact]
    public async Task Server_errors_on_list_are_retried_with_backoff()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.NewClient();
        var failing = cluster.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "list", Resource = "configmaps", Times = 3 });
        await using var running = new Running(client, Options("default"));
        await running.Informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal(3, failing.Hits);
        Assert.Equal(3, running.Informer.Stats.Failures);
    }
}
