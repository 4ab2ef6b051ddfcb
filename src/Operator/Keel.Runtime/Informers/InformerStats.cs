namespace Keel.Runtime.Informers;

/// <summary>What an informer has done so far; cheap counters for tests, logs and metrics.</summary>
public sealed class InformerStats
{
    private long _lists;
    private long _watches;
    private long _expired;
    private long _idleTimeouts;
    private long _failures;
    private long _events;
    private long _bookmarks;

    /// <summary>Completed full lists (the first one and every re-list).</summary>
    public long Lists => Interlocked.Read(ref _lists);

    /// <summary>Watch requests opened.</summary>
    public long Watches => Interlocked.Read(ref _watches);

    /// <summary>Times the server answered <c>410 Gone</c> (resourceVersion too old), forcing a re-list.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>Watches replaced because they went silent for <see cref="InformerOptions.WatchIdleTimeout"/>.</summary>
    public long IdleTimeouts => Interlocked.Read(ref _idleTimeouts);

    /// <summary>List or watch failures that led to a backoff.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Added/modified/deleted events received on watches.</summary>
    public long Events => Interlocked.Read(ref _events);

    public long Bookmarks => Interlocked.Read(ref _bookmarks);

    internal void ListCompleted() => Interlocked.Increment(ref _lists);

    internal void WatchOpened() => Interlocked.Increment(ref _watches);

    internal void ExpiredSeen() => Interlocked.Increment(ref _expired);

    internal void IdleTimeoutSeen() => Interlocked.Increment(ref _idleTimeouts);

    internal void FailureSeen() => Interlocked.Increment(ref _failures);

    internal void EventSeen() => Interlocked.Increment(ref _events);

    internal void BookmarkSeen() => Interlocked.Increment(ref _bookmarks);
}
