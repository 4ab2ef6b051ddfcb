using k8s.Models;

namespace Keel.Operator.Status;

/// <summary>
/// How far one workload Deployment (prefill, decode or endpoint picker) has rolled out, read the way
/// <c>kubectl rollout status</c> reads it: the spec generation observed, every replica updated, no old replica left,
/// every updated replica available. Also the status strings the ModelService reports for it (spec 1.5).
/// </summary>
public sealed record WorkloadReadiness(string Prefix, string Name, V1Deployment? Live)
{
    public bool Exists => Live is not null;

    /// <summary><c>spec.replicas</c> (the API default 1 when unset).</summary>
    public int Desired => Live?.Spec?.Replicas ?? 1;

    /// <summary><c>"&lt;readyReplicas&gt;/&lt;spec.replicas&gt;"</c>, e.g. <c>"0/1"</c>; null when the Deployment does not exist.</summary>
    public string? ReadyText => Live is null ? null : $"{Live.Status?.ReadyReplicas ?? 0}/{Desired}";

    /// <summary><c>status.availableReplicas</c> (0 when unreported); null when the Deployment does not exist.</summary>
    public int? AvailableCount => Live is null ? null : Live.Status?.AvailableReplicas ?? 0;

    /// <summary>Null when rolled out; otherwise what it is waiting for.</summary>
    public string? Waiting
    {
        get
        {
            if (Live is null)
            {
                return $"the {Name} Deployment does not exist yet";
            }

            var status = Live.Status;
            var updated = status?.UpdatedReplicas ?? 0;
            var available = status?.AvailableReplicas ?? 0;
            if ((status?.ObservedGeneration ?? 0) < (Live.Metadata?.Generation ?? 0))
            {
                return $"{Name}: waiting for the Deployment controller to observe the new spec";
            }

            if (updated < Desired)
            {
                return $"{Name}: {updated} of {Desired} replicas updated";
            }

            if ((status?.Replicas ?? 0) > updated)
            {
                return $"{Name}: {(status?.Replicas ?? 0) - updated} old replicas pending termination";
            }

            if (available < updated)
            {
                return $"{Name}: {available} of {updated} updated replicas available";
            }

            return null;
        }
    }

    public bool IsReady => Waiting is null;

    /// <summary>One line for the WorkloadsReady message.</summary>
    public string Summary => Waiting ?? $"{Name}: {AvailableCount}/{Desired} available";

    /// <summary>The Deployment's own conditions, to mirror as <c>&lt;Prefix&gt;&lt;Type&gt;</c> (compat).</summary>
    public IEnumerable<V1DeploymentCondition> Conditions =>
        (Live?.Status?.Conditions ?? []).Where(c => !string.IsNullOrEmpty(c.Type)).OrderBy(c => c.Type, StringComparer.Ordinal);
}
