namespace Keel.Runtime.Informers;

/// <summary>How an informer lists and watches one kind.</summary>
public sealed record InformerOptions
{
    /// <summary>Watch only this namespace; null watches all namespaces. Ignored for cluster-scoped kinds.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Items per list page (<c>limit</c>); null lists in one response.</summary>
    public int? PageSize { get; init; } = 500;

    /// <summary>
    /// Each watch asks the server to end it after a random time in <c>[MinWatchTimeout, 2 * MinWatchTimeout)</c>
    /// (<c>timeoutSeconds</c>), so watches are recycled and spread out, as client-go does (5 minutes).
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A watch that delivers nothing (not even a bookmark) for this long is presumed half-open and is replaced,
    /// resuming from the last resourceVersion. Keep it above the server's bookmark interval (about a minute).
    /// </summary>
    public TimeSpan WatchIdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Every period, every cached object is re-delivered as a <see cref="InformerEventType.Resync"/>; null disables it.</summary>
    public TimeSpan? ResyncPeriod { get; init; } = TimeSpan.FromHours(10);

    public BackoffOptions Backoff { get; init; } = new();
}
