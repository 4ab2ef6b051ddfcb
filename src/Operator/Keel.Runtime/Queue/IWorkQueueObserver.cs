namespace Keel.Runtime.Queue;

/// <summary>
/// Receives a work queue's events, for metrics (<c>workqueue_*</c>). Calls are made outside the queue's lock
/// would be ideal but are made inside it for exactness; implementations must be fast and must not call back
/// into the queue.
/// </summary>
public interface IWorkQueueObserver
{
    /// <summary>An item became waiting (not a de-duplicated add).</summary>
    void Added();

    /// <summary>A worker took an item that had waited <paramref name="waited"/>.</summary>
    void Started(TimeSpan waited);

    /// <summary>A worker finished an item after <paramref name="worked"/>.</summary>
    void Finished(TimeSpan worked);

    /// <summary>An item was re-added through the rate limiter.</summary>
    void Retried();
}

/// <summary>An observer that records nothing.</summary>
public sealed class NullWorkQueueObserver : IWorkQueueObserver
{
    public static readonly NullWorkQueueObserver Instance = new();

    public void Added()
    {
    }

    public void Started(TimeSpan waited)
    {
    }

    public void Finished(TimeSpan worked)
    {
    }

    public void Retried()
    {
    }
}
