using Keel.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private static WorkQueue<string> NewQueue(FakeTimeProvider? time = null, IRateLimiter<string>? limiter = null)
        => new(limiter ?? new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)), time: time ?? new FakeTimeProvider());

    [Fact]
    public async Task Adds_of_a_waiting_item_are_deduplicated()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", (await queue.GetAsync()).Key);
        Assert.Equal("b", (await queue.GetAsync()).Key);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task An_item_in_flight_is_not_handed_to_a_second_worker()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var first = await queue.GetAsync();
        queue.Add("a");

        Assert.Equal(0, queue.Count); // waiting for Done, not ready
        var second = queue.GetAsync().AsTask();
        await Task.Yield();
        Assert.False(second.IsCompleted);

        queue.Done(first.Key);
        Assert.Equal("a", (await second.WaitAsync(TimeSpan.FromSeconds(10))).Key);
    }

    [Fact]
    public async Task An_item_added_while_in_flight_runs_once_more_after_Done()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var item = await queue.GetAsync();
        queue.Add("a");
        queue.Add("a");
        queue.Done(item.Key);

        Assert.Equal(1, queue.Count);
        var again = await queue.GetAsync();
        queue.Done(again.Key);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Done_without_a_readd_leaves_the_queue_empty()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Done((await queue.GetAsync()).Key);
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.InFlightCount);
    }

    [Fact]
    public async Task Rate_limited_adds_back_off_exponentially_and_Forget_resets()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);

        queue.AddRateLimited("a"); // 5 ms
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Count);
        queue.Done((await queue.GetAsync()).Key);

        queue.AddRateLimited("a"); // 10 ms
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Count);
        queue.Done((await queue.GetAsync()).Key);
        Assert.Equal(2, queue.NumRequeues("a"));

        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
        queue.AddRateLimited("a"); // back to 5 ms
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_pending_time()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(30));
        Assert.Equal(1, queue.DelayedCount);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, queue.Count);
        Assert.Equal(0, queue.DelayedCount);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, queue.Count); // the later requests were folded into the earliest one
    }

    [Fact]
    public void Delayed_items_become_ready_in_due_order()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public async Task A_delayed_add_wakes_a_waiting_worker()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        var waiting = queue.GetAsync().AsTask();
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("a", (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Key);
    }

    [Fact]
    public async Task Shutdown_drains_waiting_items_then_reports_shutdown()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.ShutDown();
        queue.Add("c"); // refused

        Assert.Equal("a", (await queue.GetAsync()).Key);
        Assert.Equal("b", (await queue.GetAsync()).Key);
        Assert.True((await queue.GetAsync()).IsShutdown);
    }

    [Fact]
    public async Task Shutdown_releases_idle_workers()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync().AsTask();
        queue.ShutDown();
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(10))).IsShutdown);
    }

    [Fact]
    public async Task ShutDownAndWait_waits_for_in_flight_items()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var item = await queue.GetAsync();

        var drained = queue.ShutDownAndWaitAsync();
        await Task.Yield();
        Assert.False(drained.IsCompleted);

        queue.Done(item.Key);
        await drained.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_swallow_a_later_item()
    {
        using var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        queue.Add("a");
        Assert.Equal("a", (await queue.GetAsync()).Key);
    }

    [Fact]
    public async Task Many_workers_never_hold_the_same_key_at_once()
    {
        using var queue = new WorkQueue<int>(new ExponentialFailureRateLimiter<int>(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)));
        var holding = new int[10];
        var violations = 0;
        var processed = 0;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var item = await queue.GetAsync();
                if (item.IsShutdown)
                {
                    return;
                }

                if (Interlocked.Increment(ref holding[item.Key]) != 1)
                {
                    Interlocked.Increment(ref violations);
                }

                await Task.Yield();
                Interlocked.Decrement(ref holding[item.Key]);
                Interlocked.Increment(ref processed);
                queue.Done(item.Key);
            }
        })).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add(i % 10);
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        await queue.ShutDownAndWaitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, violations);
        Assert.InRange(processed, 10, 2000); // de-duplication folds adds; every key ran at least once
    }

    [Fact]
    public async Task Observer_sees_adds_starts_finishes_and_retries()
    {
        var time = new FakeTimeProvider();
        var observer = new RecordingObserver();
        using var queue = new WorkQueue<string>(new ExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), observer, time);

        queue.Add("a");
        queue.Add("a");
        time.Advance(TimeSpan.FromSeconds(3));
        var item = await queue.GetAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((2.0, 2.0), queue.UnfinishedWork());
        queue.Done(item.Key);
        queue.AddRateLimited("a");

        Assert.Equal(1, observer.Adds);
        Assert.Equal([TimeSpan.FromSeconds(3)], observer.Waits);
        Assert.Equal([TimeSpan.FromSeconds(2)], observer.Works);
        Assert.Equal(1, observer.Retries);
    }

    private sealed class RecordingObserver : IWorkQueueObserver
    {
        public int Adds { get; private set; }

        public List<TimeSpan> Waits { get; } = [];

        public List<TimeSpan> Works { get; } = [];

        public int Retries { get; private set; }

        public void Added() => Adds++;

        public void Started(TimeSpan waited) => Waits.Add(waited);

        public void Finished(TimeSpan worked) => Works.Add(worked);

        public void Retried() => Retries++;
    }
}
