namespace Keel.Runtime.Queue;

/// <summary>
/// An overall token bucket shared by every item (client-go's <c>BucketRateLimiter</c>): it bounds the retry
/// rate of the whole queue, so a burst of failing objects cannot hammer the API server.
/// Each <see cref="When"/> reserves one token and returns how long until that token exists.
/// </summary>
public sealed class TokenBucketRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly int _burst;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    public TokenBucketRateLimiter(double perSecond, int burst, TimeProvider? time = null)
    {
        if (perSecond <= 0 || burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), "Need a positive rate and a burst of at least 1.");
        }

        _perSecond = perSecond;
        _burst = burst;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetTimestamp();
    }

    public TimeSpan When(TKey item)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _perSecond));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _perSecond);
        }
    }

    public void Forget(TKey item)
    {
    }

    public int NumRequeues(TKey item) => 0;
}
