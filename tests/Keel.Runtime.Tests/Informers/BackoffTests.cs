using Keel.Runtime.Informers;

namespace Keel.Runtime.Tests.Informers;

/// <summary>The informer's reconnect backoff: exponential, capped, stretched by jitter, reset after a healthy watch.</summary>
public sealed class BackoffTests
{
    private static readonly BackoffOptions Options = new()
    {
        Initial = TimeSpan.FromMilliseconds(100),
        Max = TimeSpan.FromSeconds(1),
        Factor = 2,
        Jitter = 0.5,
    };

    [Fact]
    public void Delays_double_per_failure_up_to_the_cap_and_start_over_after_a_reset()
    {
        var backoff = new Backoff(Options, new FixedRandom(0));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalMilliseconds).ToArray();

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
        Assert.Equal(6, backoff.Failures);
        backoff.Reset();
        Assert.Equal(0, backoff.Failures);
        Assert.Equal(100, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public void Jitter_stretches_each_delay_by_up_to_its_fraction_so_reconnects_spread_out()
    {
        var longest = new Backoff(Options, new FixedRandom(0.999));
        Assert.Equal(149.95, longest.Next().TotalMilliseconds, 2);
        Assert.Equal(299.9, longest.Next().TotalMilliseconds, 2);

        // Many clients failing together draw different delays inside [base, base * (1 + jitter)).
        var delays = Enumerable.Range(0, 200).Select(seed => new Backoff(Options, new Random(seed)).Next().TotalMilliseconds).ToArray();
        Assert.All(delays, d => Assert.InRange(d, 100, 150));
        Assert.True(delays.Distinct().Count() > 100, "jitter spreads reconnects");
    }

    [Fact]
    public void Many_failures_never_overflow_and_stay_within_the_jittered_cap()
    {
        var backoff = new Backoff(Options, new FixedRandom(0.999));
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(backoff.Next().TotalMilliseconds, 100, 1500);
        }
    }

    /// <summary>A random source that always draws the same fraction.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
