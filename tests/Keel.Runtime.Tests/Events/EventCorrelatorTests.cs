using Keel.Runtime.Events;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Runtime.Tests.Events;

public sealed class EventCorrelatorTests
{
    private static EventRecord Failed(string message = "preset p not found", string name = "ms")
        => new("x/v1", "ModelService", "ns", name, "uid-" + name, "1", EventType.Warning, "PresetNotFound", message);

    [Fact]
    public void Identical_events_become_one_series_whose_count_grows()
    {
        var time = new FakeTimeProvider();
        var correlator = new EventCorrelator(time);

        var first = correlator.Correlate(Failed())!;
        Assert.True(first.IsNew);
        correlator.Created(first, "ms.1");

        time.Advance(TimeSpan.FromSeconds(30));
        var second = correlator.Correlate(Failed())!;
        Assert.Equal("ms.1", second.ExistingName);
        Assert.Equal(2, second.Count);
        Assert.Equal(first.FirstTimestamp, second.FirstTimestamp);
        Assert.Equal(first.FirstTimestamp + TimeSpan.FromSeconds(30), second.LastTimestamp);
    }

    [Fact]
    public void Different_messages_are_separate_until_too_many_similar_ones_are_combined()
    {
        var correlator = new EventCorrelator(new FakeTimeProvider());
        for (var i = 0; i < EventCorrelator.MaxSimilar; i++)
        {
            var e = correlator.Correlate(Failed($"attempt {i}"))!;
            Assert.True(e.IsNew);
            Assert.Equal($"attempt {i}", e.Message);
        }

        var combined = correlator.Correlate(Failed("attempt 10"))!;
        Assert.StartsWith("(combined from similar events): ", combined.Message, StringComparison.Ordinal);
        correlator.Created(combined, "ms.agg");
        var next = correlator.Correlate(Failed("attempt 11"))!;
        Assert.Equal("ms.agg", next.ExistingName);
        Assert.Equal(2, next.Count);
    }

    [Fact]
    public void A_flood_about_one_object_is_rate_limited_and_recovers_with_time()
    {
        var time = new FakeTimeProvider();
        var correlator = new EventCorrelator(time);
        var accepted = Enumerable.Range(0, 100).Count(_ => correlator.Correlate(Failed()) is not null);
        Assert.Equal(EventCorrelator.Burst, accepted);
        Assert.NotNull(correlator.Correlate(Failed(name: "other"))); // other objects keep their own budget

        time.Advance(EventCorrelator.RefillInterval);
        Assert.NotNull(correlator.Correlate(Failed()));
        Assert.Null(correlator.Correlate(Failed()));
    }

    [Fact]
    public void A_lost_event_starts_a_new_series()
    {
        var correlator = new EventCorrelator(new FakeTimeProvider());
        var first = correlator.Correlate(Failed())!;
        correlator.Created(first, "ms.1");
        var second = correlator.Correlate(Failed())!;
        correlator.Lost(second);
        Assert.True(correlator.Correlate(Failed())!.IsNew);
    }
}
