using System;

namespace Keel.Annotations;

// Merge rules beyond server-side apply, used when a ModelService (the overlay) is merged onto a
// preset part (the base). Without one of these, the field's topology decides: a scalar takes the
// overlay when the overlay sets it, objects and granular maps merge per field or key, map lists
// merge by key, atomic lists are replaced and sets are united (docs/user-guide/merge-rules.md).

/// <summary>List: overlay items first, then the base's (container <c>args</c>: the model argument comes first).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class PrependAttribute : Attribute
{
}

/// <summary>
/// The overlay's value replaces the base's as a whole. With <see cref="EmptyMeansUnset"/> an empty
/// overlay list, map or string keeps the base (container <c>command</c>, compat with the original operator).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class AtomicReplaceAttribute : Attribute
{
    public bool EmptyMeansUnset { get; set; }
}

/// <summary>
/// Member of a one-of group: when the overlay sets any member, the base's other members of the same
/// group are cleared (env <c>value</c>/<c>valueFrom</c>, volume sources, probe handlers).
/// A group needs at least two members.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OneOfAttribute : Attribute
{
    public OneOfAttribute(string group) => Group = group;

    public string Group { get; }
}
