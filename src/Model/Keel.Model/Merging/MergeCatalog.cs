using System.Collections.Concurrent;
using System.ComponentModel;

namespace Keel.Model.Merging;

/// <summary>
/// The generated merge of every type, reachable by type for generic callers (the render pipeline
/// merges whatever kind a preset part holds). Generated code registers each merge from a module
/// initializer; typed callers can call the generated <c>ObjectMerger.Merge</c> overloads directly.
/// </summary>
public static class MergeCatalog
{
    private static readonly ConcurrentDictionary<Type, Delegate> Merges = new();

    /// <summary>Whether generated merge code exists for <paramref name="type"/>.</summary>
    public static bool Supports(Type type) => Merges.ContainsKey(type);

    /// <summary>
    /// Merges <paramref name="overlay"/> onto <paramref name="base"/> with the generated rules of
    /// <typeparamref name="T"/>. Neither input is changed; the result shares no object with them.
    /// </summary>
    /// <exception cref="InvalidOperationException">No generated merge exists for <typeparamref name="T"/>.</exception>
    public static T? Merge<T>(T? @base, T? overlay, IMergeObserver? observer = null)
        where T : class
    {
        if (!Merges.TryGetValue(typeof(T), out var merge))
        {
            throw new InvalidOperationException($"No generated merge for {typeof(T).FullName}: declare it as a custom resource type or reach it from a [KubernetesTypeRules] root.");
        }

        return ((Func<T?, T?, IMergeObserver?, T?>)merge)(@base, overlay, observer);
    }

    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register<T>(Func<T?, T?, IMergeObserver?, T?> merge)
        where T : class => Merges.TryAdd(typeof(T), merge); // the first assembly that registered a type wins
}
