using Keel.Runtime.Queue;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Controllers;

/// <summary>Per-controller settings (controller-runtime's <c>controller.Options</c>).</summary>
public sealed record ControllerOptions
{
    /// <summary>How many keys reconcile at once (never the same key twice).</summary>
    public int MaxConcurrentReconciles { get; init; } = 1;

    /// <summary>Retry delays; null uses <see cref="RateLimiters.Default{TKey}"/> (5 ms…1000 s per key, 10 qps overall).</summary>
    public IRateLimiter<ObjectKey>? RateLimiter { get; init; }

    /// <summary>Cancels a reconcile that runs longer than this (it then counts as an error); null: no limit.</summary>
    public TimeSpan? ReconcileTimeout { get; init; }

    /// <summary>When a <see cref="ReconcileOutcome.Terminal"/> result gives no delay, retry after this; null: only on a new event.</summary>
    public TimeSpan? TerminalRequeueAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for the watched kinds' caches to sync before the controller gives up starting.</summary>
    public TimeSpan CacheSyncTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
