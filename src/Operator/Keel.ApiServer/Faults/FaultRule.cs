namespace Keel.ApiServer.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public abstract record FaultAction
{
    /// <summary>Answer with this HTTP status and the real server's Status body for it (409, 429, 500, 503, 504…).</summary>
    public static FaultAction Status(int code, string? message = null) => new StatusFault(code, message);

    /// <summary>Hold the request this long, then serve it normally.</summary>
    public static FaultAction Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>For watches: close the stream after this many events (0: right after the headers).</summary>
    public static FaultAction CloseWatchAfter(int events) => new CloseWatchFault(events);
}

public sealed record StatusFault(int Code, string? Message) : FaultAction;

public sealed record DelayFault(TimeSpan Duration) : FaultAction;

public sealed record CloseWatchFault(int Events) : FaultAction;

/// <summary>
/// Which requests a fault hits. Null fields match anything. <see cref="Skip"/> lets the first matching
/// requests through; <see cref="Times"/> limits how many are hit; <see cref="Probability"/> below 1 draws
/// from the injector's seeded random source, so a run is repeatable under the same seed.
/// </summary>
public sealed record FaultRule(FaultAction Action)
{
    public string? Verb { get; init; }
    public string? Resource { get; init; }
    public string? Subresource { get; init; }
    public string? Namespace { get; init; }
    public string? Name { get; init; }
    public string? User { get; init; }
    public int Skip { get; init; }
    public int? Times { get; init; }
    public double Probability { get; init; } = 1.0;
}
