using k8s;
using k8s.Models;

namespace Keel.Runtime.Events;

/// <summary>The type of a Kubernetes Event.</summary>
public enum EventType
{
    Normal,
    Warning,
}

/// <summary>
/// Records Kubernetes Events about objects (what <c>kubectl describe</c> shows). Recording never blocks and never
/// throws: events are written in the background, repeats are folded into one Event with a count, similar events
/// are aggregated, and a flood about one object is rate limited.
/// </summary>
public interface IEventRecorder
{
    /// <param name="reason">A short UpperCamelCase machine-readable reason, e.g. <c>PresetNotFound</c>.</param>
    /// <param name="message">A human-readable sentence.</param>
    void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string message);
}

public static class EventRecorderExtensions
{
    public static void Normal(this IEventRecorder recorder, IKubernetesObject<V1ObjectMeta> regarding, string reason, string message)
        => recorder?.Record(regarding, EventType.Normal, reason, message);

    public static void Warning(this IEventRecorder recorder, IKubernetesObject<V1ObjectMeta> regarding, string reason, string message)
        => recorder?.Record(regarding, EventType.Warning, reason, message);
}
