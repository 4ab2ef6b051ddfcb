namespace Keel.Runtime.Queue;

/// <summary>Ready-made limiters.</summary>
public static class RateLimiters
{
    /// <summary>
    /// controller-runtime's default: per-item exponential backoff from 5 ms to 1000 s, and an overall bucket of
    /// 10 retries per second with a burst of 100, whichever is longer.
    /// </summary>
    public static IRateLimiter<TKey> Default<TKey>(TimeProvider? time = null)
        where TKey : notnull
        => new MaxOfRateLimiter<TKey>(
            new ExponentialFailureRateLimiter<TKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new TokenBucketRateLimiter<TKey>(10, 100, time));
}
