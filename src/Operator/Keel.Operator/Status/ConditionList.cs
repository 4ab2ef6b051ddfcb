using k8s.Models;

namespace Keel.Operator.Status;

/// <summary>
/// Builds a ModelService's <c>status.conditions</c> in a fixed order, each with the ModelService's generation as
/// <c>observedGeneration</c>. A condition keeps its previous <c>lastTransitionTime</c> unless its status changed
/// (spec 1.5, fix: the original stamped every pass, which re-triggered it forever), so an unchanged ModelService
/// produces an identical status and the status apply is skipped.
/// </summary>
public sealed class ConditionList
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    private readonly Dictionary<string, V1Condition> _previous;
    private readonly long? _generation;
    private readonly DateTime _now;
    private readonly List<V1Condition> _items = [];

    /// <param name="previous">The conditions now in the status.</param>
    /// <param name="generation">The ModelService's <c>metadata.generation</c>.</param>
    /// <param name="now">The time a changed condition records (whole seconds, as the API server keeps it).</param>
    public ConditionList(IEnumerable<V1Condition>? previous, long? generation, DateTime now)
    {
        _previous = (previous ?? []).Where(c => !string.IsNullOrEmpty(c.Type)).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _generation = generation;
        _now = now;
    }

    public IReadOnlyList<V1Condition> Items => _items;

    /// <summary>The previous condition of <paramref name="type"/>, if any.</summary>
    public V1Condition? Previous(string type) => _previous.GetValueOrDefault(type);

    public V1Condition? Get(string type) => _items.FirstOrDefault(c => c.Type == type);

    public V1Condition Set(string type, bool status, string reason, string message) => Set(type, status ? True : False, reason, message);

    /// <summary>
    /// Adds (or replaces) a condition. <paramref name="transitionedAt"/> is used when the status changed and the source
    /// knows when (a mirrored Deployment condition); otherwise now.
    /// </summary>
    public V1Condition Set(string type, string status, string reason, string message, DateTime? transitionedAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var previous = Previous(type);
        var condition = new V1Condition
        {
            Type = type,
            Status = status,
            Reason = string.IsNullOrEmpty(reason) ? "Unspecified" : reason,
            Message = message ?? string.Empty,
            ObservedGeneration = _generation,
            LastTransitionTime = previous is { LastTransitionTime: { } kept } && previous.Status == status
                ? kept
                : Truncate(transitionedAt ?? _now),
        };
        var index = _items.FindIndex(c => c.Type == type);
        if (index >= 0)
        {
            _items[index] = condition;
        }
        else
        {
            _items.Add(condition);
        }

        return condition;
    }

    /// <summary>The time as the API server stores it (RFC 3339, whole seconds, UTC).</summary>
    public static DateTime Truncate(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
