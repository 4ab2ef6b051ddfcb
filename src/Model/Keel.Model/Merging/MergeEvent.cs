using Keel.Model.Topology;

namespace Keel.Model.Merging;

/// <summary>Which input a merged value came from.</summary>
public enum MergeSide
{
    /// <summary>The base (preset) set the value and the overlay did not.</summary>
    Base,

    /// <summary>The overlay (ModelService, operator) set the value; it wins.</summary>
    Overlay,

    /// <summary>Both contributed (a prepended list, a set union).</summary>
    Both,

    /// <summary>The base's value was dropped: the overlay set another member of its one-of group.</summary>
    Cleared,
}

/// <summary>
/// One decision of the typed merge: the value at <paramref name="Path"/> came from <paramref name="Side"/>
/// under <paramref name="Strategy"/>. Events come where the merge stops descending: scalars, atomic
/// values, whole subtrees present on one side only, map entries and cleared one-of members.
/// </summary>
/// <param name="Path">JSON path from the merged root, e.g. <c>spec.template.spec.containers[name=vllm].args</c>.</param>
/// <param name="Side">Where the value came from.</param>
/// <param name="Strategy">The rule that decided.</param>
/// <param name="Note">Extra detail: the one-of group of a cleared member.</param>
public readonly record struct MergeEvent(string Path, MergeSide Side, MergeStrategy Strategy, string? Note = null);

/// <summary>Receives the decisions of a typed merge (the render command's <c>--explain</c>).</summary>
public interface IMergeObserver
{
    void OnMerged(in MergeEvent mergeEvent);
}

/// <summary>An observer that keeps every event in order.</summary>
public sealed class MergeTrace : IMergeObserver
{
    private readonly List<MergeEvent> events = [];

    public IReadOnlyList<MergeEvent> Events => events;

    public void OnMerged(in MergeEvent mergeEvent) => events.Add(mergeEvent);

    /// <summary>The event for exactly <paramref name="path"/>, or null.</summary>
    public MergeEvent? At(string path)
    {
        foreach (var e in events)
        {
            if (string.Equals(e.Path, path, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }
}
