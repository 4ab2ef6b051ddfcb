namespace Keel.Runtime.Events;

/// <summary>One event as recorded, before correlation.</summary>
public sealed record EventRecord(
    string ApiVersion, string Kind, string? Namespace, string Name, string? Uid, string? ResourceVersion,
    EventType Type, string Reason, string Message);

/// <summary>What to send for an event: a new Event, a count bump of an existing one, or nothing (rate limited).</summary>
public sealed record CorrelatedEvent(EventRecord Event, string Message, int Count, DateTimeOffset FirstTimestamp, DateTimeOffset LastTimestamp, string? ExistingName)
{
    public bool IsNew => ExistingName is null;
}

/// <summary>
/// Folds repeated events the way client-go's EventCorrelator does, so a failing object that reconciles in a loop
/// does not flood the API server:
/// <list type="bullet">
/// <item>identical events (same object, type, reason and message) become one Event whose <c>count</c> and
/// <c>lastTimestamp</c> advance;</item>
/// <item>more than <see cref="MaxSimilar"/> events with the same object, type and reason but different messages within
/// <see cref="SimilarWindow"/> are aggregated into one Event "(combined from similar events): latest message";</item>
/// <item>each object has a token bucket (burst <see cref="Burst"/>, one token per <see cref="RefillInterval"/>): events
/// beyond it are dropped.</item>
/// </list>
/// Thread-safe. Memory is bounded by <see cref="Capacity"/> entries (least recently used evicted).
/// </summary>
public sealed class EventCorrelator
{
    public const int MaxSimilar = 10;
    public const int Burst = 25;
    public const int Capacity = 4096;
    public static readonly TimeSpan SimilarWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefillInterval = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Lru<string, Series> _series = new(Capacity);
    private readonly Lru<string, Similar> _similar = new(Capacity);
    private readonly Lru<string, Bucket> _buckets = new(Capacity);

    public EventCorrelator(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Decides what to send for <paramref name="e"/>; null when the object's rate limit drops it.</summary>
    public CorrelatedEvent? Correlate(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var now = _time.GetUtcNow();
        var objectKey = $"{e.Kind}|{e.Namespace}|{e.Name}|{e.Uid}";
        lock (_gate)
        {
            if (!Allow(objectKey, now))
            {
                return null;
            }

            var message = e.Message;
            var similarKey = $"{objectKey}|{e.Type}|{e.Reason}";
            var similar = _similar.GetOrAdd(similarKey, () => new Similar(now));
            if (now - similar.WindowStart > SimilarWindow)
            {
                similar.Reset(now);
            }

            similar.Messages.Add(e.Message);
            if (similar.Messages.Count > MaxSimilar)
            {
                message = "(combined from similar events): " + e.Message;
            }

            // Aggregated events share one series whatever their message; identical events share one series.
            var seriesKey = similar.Messages.Count > MaxSimilar ? $"{similarKey}|*" : $"{similarKey}|{e.Message}";
            var series = _series.GetOrAdd(seriesKey, () => new Series(now));
            series.Count++;
            series.Last = now;
            return new CorrelatedEvent(e, message, series.Count, series.First, now, series.Name);
        }
    }

    /// <summary>Remembers the name of the Event created for a series, so repeats update it.</summary>
    public void Created(CorrelatedEvent sent, string eventName)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var e = sent.Event;
        var objectKey = $"{e.Kind}|{e.Namespace}|{e.Name}|{e.Uid}";
        var similarKey = $"{objectKey}|{e.Type}|{e.Reason}";
        var seriesKey = sent.Message.StartsWith("(combined from similar events): ", StringComparison.Ordinal) ? $"{similarKey}|*" : $"{similarKey}|{e.Message}";
        lock (_gate)
        {
            if (_series.TryGet(seriesKey, out var series))
            {
                series.Name = eventName;
            }
        }
    }

    /// <summary>Forgets a series whose Event vanished (expired on the server), so the next repeat creates a new one.</summary>
    public void Lost(CorrelatedEvent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        lock (_gate)
        {
            _series.RemoveWhere(s => s.Name == sent.ExistingName);
        }
    }

    private bool Allow(string objectKey, DateTimeOffset now)
    {
        var bucket = _buckets.GetOrAdd(objectKey, () => new Bucket(Burst, now));
        var refill = (now - bucket.Last).Ticks / (double)RefillInterval.Ticks;
        bucket.Tokens = Math.Min(Burst, bucket.Tokens + refill);
        bucket.Last = now;
        if (bucket.Tokens < 1)
        {
            return false;
        }

        bucket.Tokens -= 1;
        return true;
    }

    private sealed class Series(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public int Count { get; set; }

        public string? Name { get; set; }
    }

    private sealed class Similar(DateTimeOffset start)
    {
        public DateTimeOffset WindowStart { get; private set; } = start;

        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public void Reset(DateTimeOffset now)
        {
            WindowStart = now;
            Messages.Clear();
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset last)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset Last { get; set; } = last;
    }

    /// <summary>A small least-recently-used map (not thread-safe; the correlator locks).</summary>
    private sealed class Lru<TKey, TValue>(int capacity)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = new();
        private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

        public TValue GetOrAdd(TKey key, Func<TValue> make)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Value;
            }

            if (_map.Count >= capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }

            var value = make();
            _map[key] = _order.AddFirst((key, value));
            return value;
        }

        public bool TryGet(TKey key, out TValue value)
        {
            if (_map.TryGetValue(key, out var node))
            {
                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }

        public void RemoveWhere(Func<TValue, bool> predicate)
        {
            foreach (var node in _map.Values.Where(n => predicate(n.Value.Value)).ToList())
            {
                _order.Remove(node);
                _map.Remove(node.Value.Key);
            }
        }
    }
}
