namespace Keel.Model.Topology;

/// <summary>What a field holds, as far as merging and server-side apply care.</summary>
public enum FieldKind
{
    /// <summary>A string, number, boolean, date, int-or-string or quantity.</summary>
    Scalar,

    /// <summary>An object with known fields.</summary>
    Object,

    /// <summary>A string-keyed map (labels, annotations, resource lists).</summary>
    Map,

    /// <summary>A list.</summary>
    List,

    /// <summary>Free-form JSON (preserve-unknown-fields).</summary>
    FreeForm,
}

/// <summary><c>x-kubernetes-list-type</c>.</summary>
public enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>
/// How the typed merge combines a field of the base (preset) with the overlay (ModelService), after
/// docs/user-guide/merge-rules.md.
/// </summary>
public enum MergeStrategy
{
    /// <summary>Scalar: the overlay's value when the overlay sets it, else the base's.</summary>
    Replace,

    /// <summary>Object: merged field by field.</summary>
    MergeFields,

    /// <summary>Object with atomic struct topology: the overlay's object replaces the base's when set.</summary>
    AtomicObject,

    /// <summary>Map: union by key, the overlay's value wins per key (object values merge recursively).</summary>
    MapUnion,

    /// <summary>Map with atomic topology: the overlay's map replaces the base's when set.</summary>
    AtomicMap,

    /// <summary>Map list: merged by key, base order kept, matching items merged, new overlay items appended.</summary>
    MapList,

    /// <summary>Atomic list: the overlay's list replaces the base's when set.</summary>
    AtomicList,

    /// <summary>Set: base items, then overlay items the base lacks.</summary>
    SetUnion,

    /// <summary>List: overlay items first, then the base's.</summary>
    Prepend,

    /// <summary>The overlay's value replaces the base's when set.</summary>
    AtomicReplace,

    /// <summary>The overlay's value replaces the base's when set and not empty.</summary>
    AtomicReplaceUnlessEmpty,

    /// <summary>Free-form JSON: the overlay's value replaces the base's when set.</summary>
    FreeFormReplace,
}
