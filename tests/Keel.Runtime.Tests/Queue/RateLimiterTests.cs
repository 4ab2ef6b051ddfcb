using Keel.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Runtime.Tests.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void Exponential_limiter_doubles_per_failure_up_to_the_cap_per_item()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        var delays = Enumerable.Range(0, 5).Select(_ => limiter.When("a")).ToArray();
        Assert.Equal([5, 10, 20, 40, 80], delays.Select(d => d.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b")); // items are independent

        for (var i = 0; i < 100; i++)
        {
            limiter.When("a");
        }

        Assert.Equal(TimeSpan.FromSeconds(1000), limiter.When("a"));
        limiter.Forget("a");
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void Token_bucket_allows_a_burst_then_spaces_retries_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenBucketRateLimiter<string>(perSecond: 10, burst: 3, time);

        Assert.Equal(TimeSpan.Zero, limiter.When("a"));
        Assert.Equal(TimeSpan.Zero, limiter.When("b"));
        Assert.Equal(TimeSpan.Zero, limiter.When("c"));
        Assert.Equal(100, limiter.When("d").TotalMilliseconds, 3);
        Assert.Equal(200, limiter.When("e").TotalMilliseconds, 3);

        time.Advance(TimeSpan.FromSeconds(10)); // refills, but never above the burst
        Assert.Equal(TimeSpan.Zero, limiter.When("f"));
    }

    [Fact]
    public void MaxOf_takes_the_longest_delay_and_forgets_everywhere()
    {
        var exponential = new ExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var bucket = new TokenBucketRateLimiter<string>(1, 1, new FakeTimeProvider());
        var limiter = new MaxOfRateLimiter<string>(exponential, bucket);

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.When("a")); // exponential 1 s, bucket 0
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.When("a")); // exponential 2 s, bucket 1 s
        Assert.Equal(2, limiter.NumRequeues("a"));
        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
    }
}
