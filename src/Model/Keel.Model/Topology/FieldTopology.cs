namespace Keel.Model.Topology;

/// <summary>
/// The topology and merge rule of one field, as the generator fixed it at compile time.
/// </summary>
/// <param name="JsonName">The field's JSON name.</param>
/// <param name="ClrName">The C# property name.</param>
/// <param name="Kind">What the field holds.</param>
/// <param name="Strategy">How the typed merge combines base and overlay.</param>
/// <param name="ClrType">The declared C# type of the field.</param>
/// <param name="ElementType">The object type the field continues into: the field's own type for objects, the item or value type for lists and maps of objects; null otherwise.</param>
/// <param name="ElementKind">For lists and maps: what an item or value holds.</param>
/// <param name="ListType">For lists: the server-side apply list type (lists without a declared type are atomic).</param>
/// <param name="ListMapKeys">For map lists: the key fields server-side apply uses (JSON names).</param>
/// <param name="MergeKeys">For map lists: the key fields the typed merge uses; equal to <paramref name="ListMapKeys"/> unless a rule overrides them.</param>
/// <param name="AtomicMapOrStruct">For maps and objects: whether the value is atomic for server-side apply (<c>x-kubernetes-map-type: atomic</c>).</param>
/// <param name="OneOfGroup">The one-of group the field belongs to, if any.</param>
public sealed record FieldTopology(
    string JsonName,
    string ClrName,
    FieldKind Kind,
    MergeStrategy Strategy,
    Type ClrType,
    Type? ElementType,
    FieldKind? ElementKind,
    ListType? ListType,
    IReadOnlyList<string> ListMapKeys,
    IReadOnlyList<string> MergeKeys,
    bool AtomicMapOrStruct,
    string? OneOfGroup)
{
    /// <summary>The type whose fields a path continues into, if the path can continue.</summary>
    public Type? Next => ElementType;
}
