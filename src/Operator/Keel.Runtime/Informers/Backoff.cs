namespace Keel.Runtime.Informers;

/// <summary>Exponential backoff with jitter for reconnects: each delay is <c>min(max, initial * factor^n)</c> times a random factor in <c>[1, 1 + jitter)</c>.</summary>
public sealed class Backoff
{
    private readonly BackoffOptions _options;
    private readonly Random _random;
    private int _failures;

    public Backoff(BackoffOptions options, Random? random = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _random = random ?? Random.Shared;
    }

    public int Failures => _failures;

    public TimeSpan Next()
    {
        var baseTicks = Math.Min(_options.Max.Ticks, _options.Initial.Ticks * Math.Pow(_options.Factor, Math.Min(_failures, 60)));
        _failures++;
        var jittered = baseTicks * (1 + (_options.Jitter * _random.NextDouble()));
        return TimeSpan.FromTicks((long)Math.Min(jittered, _options.Max.Ticks * (1 + _options.Jitter)));
    }

    public void Reset() => _failures = 0;
}

/// <summary>Reconnect backoff settings; client-go's reflector uses 800 ms up to 30 s.</summary>
public sealed record BackoffOptions
{
    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(30);

    public double Factor { get; init; } = 2;

    /// <summary>Each delay is stretched by a random share of itself up to this fraction.</summary>
    public double Jitter { get; init; } = 0.5;
}
