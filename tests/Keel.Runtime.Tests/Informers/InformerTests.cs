using k8s.Models;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Runtime.Tests.Informers;

public sealed class InformerTests : IAsyncDisposable
{
    private readonly FakeListWatch<V1ConfigMap> _api = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<InformerEvent<V1ConfigMap>> _events = [];
    private Informer<V1ConfigMap>? _informer;
    private Task? _run;

    private Informer<V1ConfigMap> Start(InformerOptions? options = null)
    {
        _informer = new Informer<V1ConfigMap>(_api, options ?? new InformerOptions { ResyncPeriod = null }, time: _time, random: new Random(1));
        _informer.AddHandler(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
        _run = Task.Run(() => _informer.RunAsync(_stop.Token));
        return _informer;
    }

    private List<InformerEvent<V1ConfigMap>> Events()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    [Fact]
    public async Task Lists_then_watches_from_the_list_resourceVersion_with_bookmarks_and_a_randomized_timeout()
    {
        _api.Store(Objects.ConfigMap("a"));
        var informer = Start(new InformerOptions { ResyncPeriod = null, MinWatchTimeout = TimeSpan.FromMinutes(5) });

        await informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => _api.WatchRequests.Count == 1, "a watch");

        var watch = _api.WatchRequests.Single();
        Assert.Equal("101", watch.ResourceVersion);
        Assert.True(watch.AllowBookmarks);
        Assert.InRange(watch.TimeoutSeconds, 300, 599);
        var added = Assert.Single(Events());
        Assert.Equal(InformerEventType.Added, added.Type);
        Assert.True(added.IsInInitialList);
        Assert.NotNull(informer.Store.Get(new ObjectKey("default", "a")));
    }

    [Fact]
    public async Task Watch_events_update_the_store_and_reach_handlers()
    {
        var informer = Start();
        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");

        var cm = _api.Store(Objects.ConfigMap("a"));
        _api.Send(WatchEventKind.Added, cm);
        cm.Data["k"] = "v";
        _api.Store(cm);
        _api.Send(WatchEventKind.Modified, cm);
        _api.Send(WatchEventKind.Deleted, cm);

        await Eventually.TrueAsync(() => Events().Count == 3, "three events");
        var events = Events();
        Assert.Equal([InformerEventType.Added, InformerEventType.Updated, InformerEventType.Deleted], events.Select(e => e.Type));
        Assert.False(events[0].IsInInitialList);
        Assert.False(events[1].OldObject!.Data.ContainsKey("k"));
        Assert.Equal("v", events[1].Object.Data["k"]);
        Assert.Null(informer.Store.Get(new ObjectKey("default", "a")));
    }

    [Fact]
    public async Task A_closed_watch_resumes_from_the_last_resourceVersion_including_bookmarks_without_relisting()
    {
        var informer = Start();
        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");
        var cm = _api.Store(Objects.ConfigMap("a"));
        _api.Send(WatchEventKind.Added, cm);
        _api.Bookmark("250");
        await Eventually.TrueAsync(() => informer.Stats.Bookmarks == 1, "the bookmark");
        _time.Advance(TimeSpan.FromSeconds(5)); // the watch lived long enough to be a normal close
        _api.Close();

        await Eventually.TrueAsync(() => _api.WatchRequests.Count == 2, "a second watch");
        Assert.Equal("250", _api.WatchRequests.Last().ResourceVersion);
        Assert.Equal(1, _api.Lists);
        Assert.Equal("250", informer.LastSyncResourceVersion);
    }

    [Fact]
    public async Task Gone_relists_and_synthesizes_missed_deletes_updates_and_adds()
    {
        var kept = _api.Store(Objects.ConfigMap("kept"));
        var changed = _api.Store(Objects.ConfigMap("changed"));
        var deleted = _api.Store(Objects.ConfigMap("deleted"));
        var informer = Start();
        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");
        lock (_events)
        {
            _events.Clear();
        }

        // While the watch is down the server forgets history: one object goes, one changes, one appears.
        _api.Objects.TryRemove(ObjectKey.From(deleted), out _);
        changed.Data["x"] = "y";
        _api.Store(changed);
        _api.Store(Objects.ConfigMap("new"));
        _api.Expire();

        await Eventually.TrueAsync(() => _api.Lists == 2 && Events().Count == 3, "a re-list with three synthesized events");
        var events = Events().ToDictionary(e => e.Object.Metadata.Name);
        Assert.Equal(InformerEventType.Deleted, events["deleted"].Type);
        Assert.True(events["deleted"].FinalStateUnknown);
        Assert.Equal(InformerEventType.Updated, events["changed"].Type);
        Assert.Equal("y", events["changed"].Object.Data["x"]);
        Assert.Equal(InformerEventType.Added, events["new"].Type);
        Assert.False(events["new"].IsInInitialList);
        Assert.False(events.ContainsKey("kept"));
        Assert.Equal(1, informer.Stats.Expired);
        Assert.Equal(3, informer.Store.Count);
        Assert.NotNull(kept);
    }

    [Fact]
    public async Task A_silent_watch_is_replaced_after_the_idle_timeout_from_the_last_resourceVersion()
    {
        var informer = Start(new InformerOptions { ResyncPeriod = null, WatchIdleTimeout = TimeSpan.FromSeconds(30) });
        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");
        _api.Bookmark("300");
        await Eventually.TrueAsync(() => informer.Stats.Bookmarks == 1, "the bookmark");

        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.Single(_api.WatchRequests); // an event resets the watchdog

        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => _api.WatchRequests.Count == 2, "a replacement watch");
        Assert.Equal("300", _api.WatchRequests.Last().ResourceVersion);
        Assert.Equal(1, informer.Stats.IdleTimeouts);
        Assert.Equal(1, _api.Lists);
    }

    [Fact]
    public async Task A_failed_list_is_retried_after_a_backoff()
    {
        _api.FailNextList = new HttpRequestException("connection refused");
        var informer = Start(new InformerOptions { ResyncPeriod = null, Backoff = new BackoffOptions { Initial = TimeSpan.FromSeconds(10), Jitter = 0 } });
        await Eventually.TrueAsync(() => informer.Stats.Failures == 1, "the failure");

        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(informer.HasSynced);

        _time.Advance(TimeSpan.FromSeconds(1));
        await informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal(1, _api.Lists);
    }

    [Fact]
    public async Task A_handler_added_after_sync_first_receives_the_cached_objects()
    {
        _api.Store(Objects.ConfigMap("a"));
        _api.Store(Objects.ConfigMap("b"));
        var informer = Start();
        await informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);

        var late = new List<InformerEvent<V1ConfigMap>>();
        using (informer.AddHandler(late.Add))
        {
            Assert.Equal(["a", "b"], late.Select(e => e.Object.Metadata.Name).Order());
            Assert.All(late, e => Assert.True(e.Type == InformerEventType.Added && e.IsInInitialList));
        }

        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");
        _api.Send(WatchEventKind.Added, _api.Store(Objects.ConfigMap("c")));
        await Eventually.TrueAsync(() => informer.Store.Count == 3, "the new object");
        Assert.Equal(2, late.Count); // unregistered
    }

    [Fact]
    public async Task Resync_redelivers_every_cached_object()
    {
        _api.Store(Objects.ConfigMap("a"));
        var informer = Start(new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(10) });
        await informer.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);

        _time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => Events().Any(e => e.Type == InformerEventType.Resync), "a resync");
        var resync = Events().Single(e => e.Type == InformerEventType.Resync);
        Assert.Equal("a", resync.Object.Metadata.Name);
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_other_handlers()
    {
        var informer = Start();
        informer.AddHandler(_ => throw new InvalidOperationException("boom"));
        var seen = 0;
        informer.AddHandler(_ => Interlocked.Increment(ref seen));
        await Eventually.TrueAsync(() => _api.Current is not null, "a watch");

        _api.Send(WatchEventKind.Added, _api.Store(Objects.ConfigMap("a")));
        await Eventually.TrueAsync(() => Volatile.Read(ref seen) == 1, "the healthy handler");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
    }
}
