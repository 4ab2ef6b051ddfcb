namespace Keel.Runtime.Queue;

/// <summary>
/// A rate-limited, delaying work queue with client-go's contract:
/// <list type="bullet">
/// <item>an item added while it waits is not added twice (de-duplication);</item>
/// <item>an item is never handed to two workers at once;</item>
/// <item>an item added while a worker holds it runs again once the worker calls <see cref="Done"/>;</item>
/// <item><see cref="AddAfter"/> delays an add (the earliest pending time wins); <see cref="AddRateLimited"/> delays it
/// by the rate limiter, which <see cref="Forget"/> resets;</item>
/// <item>after <see cref="ShutDown"/> no new item is accepted and <see cref="GetAsync"/> returns null once nothing waits
/// (so workers drain what was queued); <see cref="ShutDownAndWaitAsync"/> also waits for in-flight items.</item>
/// </list>
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _ready = new();
    private readonly Dictionary<TKey, long> _dirty = new();        // waiting to run (value: when it became waiting)
    private readonly Dictionary<TKey, long> _processing = new();   // held by a worker (value: when it started)
    private readonly Dictionary<TKey, long> _delayed = new();      // AddAfter pending (value: due timestamp)
    private readonly PriorityQueue<TKey, long> _delayedOrder = new();
    private readonly LinkedList<TaskCompletionSource<WorkItem<TKey>>> _waiters = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IRateLimiter<TKey> _limiter;
    private readonly IWorkQueueObserver _observer;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _timerDue = long.MaxValue;
    private bool _shuttingDown;

    public WorkQueue(IRateLimiter<TKey>? rateLimiter = null, IWorkQueueObserver? observer = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _limiter = rateLimiter ?? RateLimiters.Default<TKey>(_time);
        _observer = observer ?? NullWorkQueueObserver.Instance;
        _timer = _time.CreateTimer(_ => PromoteDueItems(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Items waiting to run (client-go's <c>Len</c>, the <c>workqueue_depth</c> metric).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>Items waiting for a delayed add.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_gate)
            {
                return _delayed.Count;
            }
        }
    }

    /// <summary>Items a worker holds right now.</summary>
    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _processing.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Adds an item now. Ignored after shutdown.</summary>
    public void Add(TKey item)
    {
        lock (_gate)
        {
            AddLocked(item);
        }
    }

    /// <summary>Adds an item after <paramref name="delay"/>; an earlier pending time for the same item wins.</summary>
    public void AddAfter(TKey item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
            if (_delayed.TryGetValue(item, out var existing) && existing <= due)
            {
                return;
            }

            _delayed[item] = due;
            _delayedOrder.Enqueue(item, due);
            ArmTimerLocked();
        }
    }

    /// <summary>Adds an item after the rate limiter's delay for it (one more failure).</summary>
    public void AddRateLimited(TKey item)
    {
        _observer.Retried();
        AddAfter(item, _limiter.When(item));
    }

    /// <summary>Resets the rate limiter's memory of <paramref name="item"/>.</summary>
    public void Forget(TKey item) => _limiter.Forget(item);

    public int NumRequeues(TKey item) => _limiter.NumRequeues(item);

    /// <summary>
    /// Waits for an item and marks it in flight. Returns an item with <see cref="WorkItem{TKey}.IsShutdown"/> set when
    /// the queue is shut down and nothing is left to hand out. The caller must call <see cref="Done"/> for every
    /// item it gets.
    /// </summary>
    public async ValueTask<WorkItem<TKey>> GetAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<WorkItem<TKey>> waiter;
        LinkedListNode<TaskCompletionSource<WorkItem<TKey>>> node;
        lock (_gate)
        {
            if (_ready.Count > 0)
            {
                return new WorkItem<TKey>(TakeLocked(), false);
            }

            if (_shuttingDown)
            {
                return WorkItem<TKey>.Shutdown;
            }

            waiter = new TaskCompletionSource<WorkItem<TKey>>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => CancelWaiter(node)))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Marks an item finished; if it was added meanwhile it becomes ready again.</summary>
    public void Done(TKey item)
    {
        lock (_gate)
        {
            if (!_processing.Remove(item, out var started))
            {
                return;
            }

            _observer.Finished(_time.GetElapsedTime(started));
            if (_dirty.ContainsKey(item))
            {
                EnqueueReadyLocked(item);
            }

            if (_shuttingDown && _processing.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Stops accepting items. Workers still receive what is already waiting; then <see cref="GetAsync"/> returns null.
    /// Delayed items that are not yet due are dropped.
    /// </summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            _delayed.Clear();
            _delayedOrder.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            while (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                first.Value.TrySetResult(WorkItem<TKey>.Shutdown);
            }

            if (_processing.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Shuts down and waits until no item is in flight (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task ShutDownAndWaitAsync(CancellationToken cancellationToken = default)
    {
        ShutDown();
        await _drained.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How long the in-flight items have been running: the sum and the longest, in seconds
    /// (<c>workqueue_unfinished_work_seconds</c> and <c>workqueue_longest_running_processor_seconds</c>).
    /// </summary>
    public (double TotalSeconds, double LongestSeconds) UnfinishedWork()
    {
        lock (_gate)
        {
            double total = 0, longest = 0;
            foreach (var started in _processing.Values)
            {
                var seconds = _time.GetElapsedTime(started).TotalSeconds;
                total += seconds;
                longest = Math.Max(longest, seconds);
            }

            return (total, longest);
        }
    }

    public void Dispose()
    {
        ShutDown();
        _timer.Dispose();
    }

    private void AddLocked(TKey item)
    {
        if (_shuttingDown || _dirty.ContainsKey(item))
        {
            return;
        }

        _dirty[item] = _time.GetTimestamp();
        _observer.Added();
        if (!_processing.ContainsKey(item))
        {
            EnqueueReadyLocked(item);
        }
    }

    private void EnqueueReadyLocked(TKey item)
    {
        _ready.Enqueue(item);

        // Hand the item straight to a waiting worker when there is one. A waiter still in the list cannot have
        // been completed: cancellation unlinks it under this lock before cancelling it.
        if (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            first.Value.TrySetResult(new WorkItem<TKey>(TakeLocked(), false));
        }
    }

    private TKey TakeLocked()
    {
        var item = _ready.Dequeue();
        var now = _time.GetTimestamp();
        _dirty.Remove(item, out var added);
        _processing[item] = now;
        _observer.Started(_time.GetElapsedTime(added, now));
        return item;
    }

    private void CancelWaiter(LinkedListNode<TaskCompletionSource<WorkItem<TKey>>> node)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // already handed an item (or shut down): the worker gets it and must call Done.
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled();
    }

    private void PromoteDueItems()
    {
        lock (_gate)
        {
            _timerDue = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_delayedOrder.TryPeek(out var item, out var due) && due <= now)
            {
                _delayedOrder.Dequeue();
                if (_delayed.TryGetValue(item, out var current) && current == due)
                {
                    _delayed.Remove(item);
                    AddLocked(item);
                }
            }

            ArmTimerLocked();
        }
    }

    private void ArmTimerLocked()
    {
        // Drop stale heap entries (superseded by an earlier AddAfter) so the timer targets a real item.
        while (_delayedOrder.TryPeek(out var item, out var due) && (!_delayed.TryGetValue(item, out var current) || current != due))
        {
            _delayedOrder.Dequeue();
        }

        if (!_delayedOrder.TryPeek(out _, out var next))
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timerDue = long.MaxValue;
            return;
        }

        if (next == _timerDue)
        {
            return;
        }

        _timerDue = next;
        var wait = _time.GetElapsedTime(_time.GetTimestamp(), next);
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }
}
