namespace Keel.Runtime.Queue;

/// <summary>
/// Decides how long an item waits before it is retried (client-go's <c>workqueue.RateLimiter</c>).
/// Implementations are thread-safe.
/// </summary>
public interface IRateLimiter<TKey>
    where TKey : notnull
{
    /// <summary>The delay before <paramref name="item"/> may run again; each call counts as one more failure.</summary>
    TimeSpan When(TKey item);

    /// <summary>Forgets the failures of <paramref name="item"/> (after a success).</summary>
    void Forget(TKey item);

    /// <summary>How many times <paramref name="item"/> has been rate limited since it was last forgotten.</summary>
    int NumRequeues(TKey item);
}
