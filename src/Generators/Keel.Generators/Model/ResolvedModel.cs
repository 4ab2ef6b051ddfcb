namespace Keel.Generators.Model;

/// <summary>Mirrors Keel.Model.Topology.MergeStrategy (the emitted code names the runtime enum).</summary>
internal enum MergeKind
{
    Replace,
    MergeFields,
    AtomicObject,
    MapUnion,
    AtomicMap,
    MapList,
    AtomicList,
    SetUnion,
    Prepend,
    AtomicReplace,
    AtomicReplaceUnlessEmpty,
    FreeFormReplace,
}

/// <summary>Mirrors Keel.Model.Topology.FieldKind.</summary>
internal enum FieldKind
{
    Scalar,
    Object,
    Map,
    List,
    FreeForm,
}

/// <summary>A property with its topology and merge rule decided (attributes and external rules applied).</summary>
/// <param name="Shape">The property as parsed.</param>
/// <param name="Annotations">Effective annotations (the property's own plus external rules).</param>
/// <param name="Kind">What the property holds.</param>
/// <param name="Strategy">How the merge combines base and overlay.</param>
/// <param name="ListType">For lists: 0 atomic, 1 set, 2 map; null when not declared (atomic).</param>
/// <param name="Keys">For map lists: the server-side apply keys.</param>
/// <param name="MergeKeys">For map lists: the keys the merge uses.</param>
/// <param name="Atomic">Map or struct topology atomic.</param>
/// <param name="Required">Listed in the schema's <c>required</c>.</param>
internal sealed record ResolvedProperty(
    PropertyShape Shape,
    PropertyAnnotations Annotations,
    FieldKind Kind,
    MergeKind Strategy,
    int? ListType,
    EquatableArray<string> Keys,
    EquatableArray<string> MergeKeys,
    bool Atomic,
    bool Required)
{
    public string Name => Shape.Name;

    public string JsonName => Shape.JsonName;

    public ValueShape Value => Shape.Value;
}

/// <summary>A one-of group of a type (JSON member names, C# member names).</summary>
internal sealed record OneOfGroupModel(string Name, EquatableArray<string> Members);

/// <summary>An object type ready for emission.</summary>
internal sealed record ResolvedType(TypeShape Shape, EquatableArray<ResolvedProperty> Properties, EquatableArray<OneOfGroupModel> OneOfGroups, bool Atomic)
{
    public string Key => Shape.Key;
}

/// <summary>A CRD: the versions of one group and kind.</summary>
internal sealed record CrdModel(string Group, string Kind, string Plural, EquatableArray<ResourceModel> Versions)
{
    public string Name => Plural + "." + Group;
}

/// <summary>Everything the emitters need, decided once for the compilation.</summary>
internal sealed record GenerationModel(
    string Namespace,
    bool RuntimeAvailable,
    EquatableArray<ResolvedType> Types,
    EquatableArray<ExternalRoot> BuiltinKinds,
    EquatableArray<CrdModel> Crds,
    EquatableArray<DiagnosticInfo> Diagnostics);
