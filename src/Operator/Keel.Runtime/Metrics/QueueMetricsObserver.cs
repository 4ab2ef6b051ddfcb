using Keel.Runtime.Queue;
using Prometheus;

namespace Keel.Runtime.Metrics;

/// <summary>Feeds one controller's work queue events into the <c>workqueue_*</c> metrics.</summary>
internal sealed class QueueMetricsObserver(RuntimeMetrics metrics, string name) : IWorkQueueObserver
{
    private readonly Counter.Child _adds = metrics.QueueAdds.WithLabels(name, name);
    private readonly Counter.Child _retries = metrics.QueueRetries.WithLabels(name, name);
    private readonly Histogram.Child _latency = metrics.QueueLatency.WithLabels(name, name);
    private readonly Histogram.Child _work = metrics.WorkDuration.WithLabels(name, name);

    public void Added() => _adds.Inc();

    public void Started(TimeSpan waited) => _latency.Observe(waited.TotalSeconds);

    public void Finished(TimeSpan worked) => _work.Observe(worked.TotalSeconds);

    public void Retried() => _retries.Inc();

    /// <summary>Publishes the gauges that are read off the queue at scrape time.</summary>
    public IDisposable TrackGauges<TKey>(WorkQueue<TKey> queue)
        where TKey : notnull
    {
        var depth = metrics.QueueDepth.WithLabels(name, name);
        var unfinished = metrics.UnfinishedWork.WithLabels(name, name);
        var longest = metrics.LongestRunningProcessor.WithLabels(name, name);
        depth.Set(0);
        unfinished.Set(0);
        longest.Set(0);
        return metrics.OnScrape(() =>
        {
            depth.Set(queue.Count);
            var (total, max) = queue.UnfinishedWork();
            unfinished.Set(total);
            longest.Set(max);
        });
    }
}
