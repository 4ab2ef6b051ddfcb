using Keel.ApiServer.Apply.Fields;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// What changed between two versions of an object, as field sets. No path is in more than one set.
/// Added and Removed contain leaves and the containers (map keys, list items, struct fields) that
/// appeared or disappeared; Modified contains leaves whose value changed.
/// </summary>
internal sealed class Comparison
{
    public Comparison(FieldSet added, FieldSet modified, FieldSet removed)
    {
        Added = added;
        Modified = modified;
        Removed = removed;
    }

    public FieldSet Added { get; }

    public FieldSet Modified { get; }

    public FieldSet Removed { get; }

    public bool IsSame => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;

    /// <summary>Drops the given paths and everything under them from all three sets.</summary>
    public Comparison Exclude(Func<FieldSet, FieldSet> filter) => new(filter(Added), filter(Modified), filter(Removed));
}
