namespace Keel.Runtime.Queue;

/// <summary>The longest delay of several limiters (client-go's <c>MaxOfRateLimiter</c>).</summary>
public sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly IRateLimiter<TKey>[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters)
    {
        if (limiters is null || limiters.Length == 0)
        {
            throw new ArgumentException("Need at least one limiter.", nameof(limiters));
        }

        _limiters = limiters;
    }

    public TimeSpan When(TKey item)
    {
        var max = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(item);
            if (delay > max)
            {
                max = delay;
            }
        }

        return max;
    }

    public void Forget(TKey item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(TKey item) => _limiters.Max(l => l.NumRequeues(item));
}
