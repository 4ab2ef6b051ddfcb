namespace Keel.Runtime.Controllers;

public enum ReconcileOutcome
{
    /// <summary>Done; the key's backoff is reset and it runs again only on a new event.</summary>
    Success,

    /// <summary>Done for now; run again after <see cref="ReconcileResult.After"/> (backoff reset).</summary>
    RequeueAfter,

    /// <summary>Not done, no error: run again after the key's rate-limited backoff.</summary>
    Requeue,

    /// <summary>
    /// The input cannot succeed until it changes (bad template, missing reference): no retry with backoff. The key
    /// runs again on the next event for it, or after <see cref="ReconcileResult.After"/> (the controller's
    /// <see cref="ControllerOptions.TerminalRequeueAfter"/> when null).
    /// </summary>
    Terminal,
}

/// <summary>What a reconcile decided. A thrown exception is the fourth outcome: an error, retried with per-key backoff.</summary>
public sealed record ReconcileResult(ReconcileOutcome Outcome, TimeSpan? After = null, string? Reason = null)
{
    public static ReconcileResult Success { get; } = new(ReconcileOutcome.Success);

    /// <summary>Run again after the key's exponential backoff, without counting an error.</summary>
    public static ReconcileResult Requeue { get; } = new(ReconcileOutcome.Requeue);

    public static ReconcileResult RequeueAfter(TimeSpan after)
        => after > TimeSpan.Zero
            ? new(ReconcileOutcome.RequeueAfter, after)
            : throw new ArgumentOutOfRangeException(nameof(after), "Requeue delays must be positive.");

    /// <summary>Invalid input: stop retrying until the object (or what it depends on) changes, or a long backoff passes.</summary>
    public static ReconcileResult Terminal(string reason, TimeSpan? retryAfter = null)
        => new(ReconcileOutcome.Terminal, retryAfter, reason ?? throw new ArgumentNullException(nameof(reason)));
}
