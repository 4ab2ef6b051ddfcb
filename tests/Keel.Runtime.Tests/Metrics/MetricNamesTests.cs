using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Informers;
using Keel.Runtime.Metrics;
using Keel.Runtime.Tests.Support;
using k8s.Models;

namespace Keel.Runtime.Tests.Metrics;

/// <summary>Names, types and labels must match controller-runtime's exactly, or existing dashboards break.</summary>
public sealed class MetricNamesTests
{
    [Fact]
    public async Task A_controller_exports_controller_runtime_and_workqueue_series_with_their_labels()
    {
        var metrics = new RuntimeMetrics();
        var api = new FakeApi();
        api.Kind<V1ConfigMap>().Store(Objects.ConfigMap("a"));
        await using var cache = new InformerCache(api, new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null } });
        using var tracking = metrics.TrackInformers(() => cache.Informers);
        var ran = new TaskCompletionSource();
        var controller = new ControllerBuilder(cache, metrics).Named("sample").For<V1ConfigMap>().Complete((_, _) =>
        {
            ran.TrySetResult();
            return Task.FromResult(ReconcileResult.Success);
        });
        using var stop = new CancellationTokenSource();
        cache.Start(stop.Token);
        await controller.StartAsync(stop.Token);
        await ran.Task.WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => metrics.ReconcileTotal.WithLabels("sample", "success").Value == 1, "the reconcile counted");

        using var buffer = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(buffer);
        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());

        foreach (var (name, type) in new[]
        {
            ("controller_runtime_reconcile_total", "counter"),
            ("controller_runtime_reconcile_errors_total", "counter"),
            ("controller_runtime_terminal_reconcile_errors_total", "counter"),
            ("controller_runtime_reconcile_time_seconds", "histogram"),
            ("controller_runtime_max_concurrent_reconciles", "gauge"),
            ("controller_runtime_active_workers", "gauge"),
            ("workqueue_depth", "gauge"),
            ("workqueue_adds_total", "counter"),
            ("workqueue_retries_total", "counter"),
            ("workqueue_queue_duration_seconds", "histogram"),
            ("workqueue_work_duration_seconds", "histogram"),
            ("workqueue_unfinished_work_seconds", "gauge"),
            ("workqueue_longest_running_processor_seconds", "gauge"),
            ("rest_client_requests_total", "counter"),
            ("leader_election_master_status", "gauge"),
        })
        {
            Assert.Contains($"# TYPE {name} {type}", text, StringComparison.Ordinal);
        }

        Assert.Contains("controller_runtime_reconcile_total{controller=\"sample\",result=\"success\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("controller_runtime_reconcile_total{controller=\"sample\",result=\"error\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("controller_runtime_max_concurrent_reconciles{controller=\"sample\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_adds_total{controller=\"sample\",name=\"sample\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_depth{controller=\"sample\",name=\"sample\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"sample\",le=\"0.005\"}", text, StringComparison.Ordinal);
        Assert.Contains("keel_informer_lists_total{resource=\"configmaps\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("keel_informer_restarts_total{resource=\"configmaps\",reason=\"expired\"} 0", text, StringComparison.Ordinal);

        await controller.StopAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
    }
}
