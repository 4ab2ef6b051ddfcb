using Keel.Operator.Children;
using Keel.Runtime.Metrics;
using Prometheus;

namespace Keel.Operator;

/// <summary>
/// The ModelService operator's own metrics, on the runtime's registry (same <c>/metrics</c> endpoint as the
/// controller-runtime-compatible ones): renders by outcome and their duration, and which optional APIs are served.
/// Writes and prunes per resource are the runtime's <c>keel_apply_total</c> and <c>keel_prune_total</c>.
/// </summary>
public sealed class OperatorMetrics
{
    public OperatorMetrics(RuntimeMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Renders = metrics.Factory.CreateCounter("keel_modelservice_renders_total",
            "ModelService renders by outcome (succeeded, failed)", ["outcome"]);
        RenderSeconds = metrics.Factory.CreateHistogram("keel_modelservice_render_duration_seconds",
            "Time to render one ModelService against its preset", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });
        ApiServed = metrics.Factory.CreateGauge("keel_modelservice_optional_api_served",
            "1 when the cluster serves an optional child kind (InferencePool, InferenceObjective, InferenceModel, HTTPRoute), else 0", ["group", "version", "kind"]);
        NameConflicts = metrics.Factory.CreateCounter("keel_modelservice_name_conflicts_total",
            "Reconciles that found the ModelService's model name held by an older ModelService");
        Renders.WithLabels("succeeded");
        Renders.WithLabels("failed");
    }

    public Counter Renders { get; }

    public Histogram RenderSeconds { get; }

    public Gauge ApiServed { get; }

    public Counter NameConflicts { get; }

    public void ReportServed(ChildKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ApiServed.WithLabels(kind.Resource.Group, kind.Resource.Version, kind.Resource.Kind).Set(kind.IsServed ? 1 : 0);
    }
}
