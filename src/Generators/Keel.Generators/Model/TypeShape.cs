namespace Keel.Generators.Model;

/// <summary>A property as parsed: C# facts plus what its attributes say.</summary>
internal sealed record PropertyShape(
    string Name,
    string JsonName,
    ValueShape Value,
    bool IsRequiredMember,
    bool IsNonNullableReference,
    bool HasSetter,
    string? Description,
    PropertyAnnotations Annotations,
    LocationInfo? Location);

/// <summary>An object type reached from a root, as parsed.</summary>
/// <param name="Key">Metadata name (<c>k8s.Models.V1PodSpec</c>), the key of the type table.</param>
/// <param name="TypeName">Fully qualified C# name (<c>global::k8s.Models.V1PodSpec</c>).</param>
/// <param name="Name">The type's simple name.</param>
/// <param name="IsExternal">Declared outside this compilation (rules come from a [KubernetesTypeRules] class).</param>
/// <param name="IsObjectMeta">The type is <c>k8s.Models.V1ObjectMeta</c>.</param>
/// <param name="CanConstruct">Has an accessible parameterless constructor.</param>
internal sealed record TypeShape(
    string Key,
    string TypeName,
    string Name,
    bool IsExternal,
    bool IsObjectMeta,
    bool CanConstruct,
    string? Description,
    TypeAnnotations Annotations,
    EquatableArray<PropertyShape> Properties,
    LocationInfo? Location)
{
    /// <summary>
    /// The <c>[JsonExtensionData]</c> property, if any: not a field of the schema or the topology; the object keeps
    /// unknown fields (<c>x-kubernetes-preserve-unknown-fields</c>) and the merge unites the entries by key.
    /// </summary>
    public PropertyShape? ExtensionData { get; init; }
}
