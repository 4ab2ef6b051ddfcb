using Prometheus;

namespace Keel.Runtime.Metrics;

/// <summary>
/// The runtime's Prometheus collectors, named and labelled like controller-runtime's so existing dashboards and
/// alerts work unchanged. Everything lives in one <see cref="Registry"/>; applications register their own
/// metrics through <see cref="Factory"/> and they appear on the same endpoint.
/// </summary>
public sealed class RuntimeMetrics
{
    // controller-runtime's reconcile_time buckets.
    private static readonly double[] ReconcileBuckets =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    // client-go's workqueue latency buckets: 10 ns to 1000 s by powers of ten.
    private static readonly double[] QueueBuckets = Histogram.ExponentialBuckets(10e-9, 10, 12);

    private readonly List<Action> _scrapeRefreshers = [];
    private readonly Lock _gate = new();

    public RuntimeMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);

        ReconcileTotal = Factory.CreateCounter("controller_runtime_reconcile_total",
            "Total number of reconciliations per controller", ["controller", "result"]);
        ReconcileErrors = Factory.CreateCounter("controller_runtime_reconcile_errors_total",
            "Total number of reconciliation errors per controller", ["controller"]);
        TerminalReconcileErrors = Factory.CreateCounter("controller_runtime_terminal_reconcile_errors_total",
            "Total number of terminal reconciliation errors per controller", ["controller"]);
        ReconcileTime = Factory.CreateHistogram("controller_runtime_reconcile_time_seconds",
            "Length of time per reconciliation per controller", ["controller"], new HistogramConfiguration { Buckets = ReconcileBuckets });
        MaxConcurrentReconciles = Factory.CreateGauge("controller_runtime_max_concurrent_reconciles",
            "Maximum number of concurrent reconciles per controller", ["controller"]);
        ActiveWorkers = Factory.CreateGauge("controller_runtime_active_workers",
            "Number of currently used workers per controller", ["controller"]);

        QueueDepth = Factory.CreateGauge("workqueue_depth", "Current depth of workqueue", ["controller", "name"]);
        QueueAdds = Factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", ["controller", "name"]);
        QueueRetries = Factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", ["controller", "name"]);
        QueueLatency = Factory.CreateHistogram("workqueue_queue_duration_seconds",
            "How long in seconds an item stays in workqueue before being requested", ["controller", "name"],
            new HistogramConfiguration { Buckets = QueueBuckets });
        WorkDuration = Factory.CreateHistogram("workqueue_work_duration_seconds",
            "How long in seconds processing an item from workqueue takes", ["controller", "name"],
            new HistogramConfiguration { Buckets = QueueBuckets });
        UnfinishedWork = Factory.CreateGauge("workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. " +
            "Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
            ["controller", "name"]);
        LongestRunningProcessor = Factory.CreateGauge("workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running.", ["controller", "name"]);

        LeaderStatus = Factory.CreateGauge("leader_election_master_status",
            "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease.",
            ["name"]);

        RestClientRequests = Factory.CreateCounter("rest_client_requests_total",
            "Number of HTTP requests, partitioned by status code, method, and host.", ["code", "method", "host"]);
        RestClientLatency = Factory.CreateHistogram("rest_client_request_duration_seconds",
            "Request latency in seconds. Broken down by verb, and host.", ["verb", "host"],
            new HistogramConfiguration { Buckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0] });

        ApplyTotal = Factory.CreateCounter("keel_apply_total",
            "Server-side apply decisions per resource: applied (a write), skipped (already as desired, no request), failed.",
            ["resource", "outcome"]);
        PruneTotal = Factory.CreateCounter("keel_prune_total", "Objects deleted because they are no longer desired, per resource.", ["resource"]);
        InformerEvents = Factory.CreateCounter("keel_informer_events_total",
            "Watch events received per resource: type=\"change\" (added, modified, deleted) or \"bookmark\".", ["resource", "type"]);
        InformerLists = Factory.CreateCounter("keel_informer_lists_total", "Full lists per resource (the first and every re-list).", ["resource"]);
        InformerRestarts = Factory.CreateCounter("keel_informer_restarts_total",
            "Informer watch restarts per resource and reason: expired (410 Gone, re-list), idle (silent watch replaced), error (failure, backoff).",
            ["resource", "reason"]);

        Registry.AddBeforeCollectCallback(RefreshScrapeTimeGauges);
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Creates application metrics in the runtime's registry (served on the same endpoint).</summary>
    public IMetricFactory Factory { get; }

    public Counter ReconcileTotal { get; }

    public Counter ReconcileErrors { get; }

    public Counter TerminalReconcileErrors { get; }

    public Histogram ReconcileTime { get; }

    public Gauge MaxConcurrentReconciles { get; }

    public Gauge ActiveWorkers { get; }

    public Gauge QueueDepth { get; }

    public Counter QueueAdds { get; }

    public Counter QueueRetries { get; }

    public Histogram QueueLatency { get; }

    public Histogram WorkDuration { get; }

    public Gauge UnfinishedWork { get; }

    public Gauge LongestRunningProcessor { get; }

    public Gauge LeaderStatus { get; }

    public Counter RestClientRequests { get; }

    public Histogram RestClientLatency { get; }

    public Counter ApplyTotal { get; }

    public Counter PruneTotal { get; }

    public Counter InformerEvents { get; }

    public Counter InformerLists { get; }

    public Counter InformerRestarts { get; }

    /// <summary>Publishes the informers' counters at each scrape (they count themselves; see <see cref="Informers.InformerStats"/>).</summary>
    public IDisposable TrackInformers(Func<IEnumerable<Informers.IInformer>> informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        return OnScrape(() =>
        {
            foreach (var informer in informers())
            {
                var resource = Resources.ResourceRegistry.Get(informer.ObjectType).Resource;
                var stats = informer.Stats;
                InformerEvents.WithLabels(resource, "change").IncTo(stats.Events);
                InformerEvents.WithLabels(resource, "bookmark").IncTo(stats.Bookmarks);
                InformerLists.WithLabels(resource).IncTo(stats.Lists);
                InformerRestarts.WithLabels(resource, "expired").IncTo(stats.Expired);
                InformerRestarts.WithLabels(resource, "idle").IncTo(stats.IdleTimeouts);
                InformerRestarts.WithLabels(resource, "error").IncTo(stats.Failures);
            }
        });
    }

    /// <summary>Registers a callback that refreshes metrics right before each scrape (queue depth, unfinished work, informer counters).</summary>
    public IDisposable OnScrape(Action refresh)
    {
        lock (_gate)
        {
            _scrapeRefreshers.Add(refresh);
        }

        return new Unregister(() =>
        {
            lock (_gate)
            {
                _scrapeRefreshers.Remove(refresh);
            }
        });
    }

    private void RefreshScrapeTimeGauges()
    {
        Action[] refreshers;
        lock (_gate)
        {
            refreshers = [.. _scrapeRefreshers];
        }

        foreach (var refresh in refreshers)
        {
            refresh();
        }
    }

    private sealed class Unregister(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
