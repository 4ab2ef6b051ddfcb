namespace Keel.Generators.Model;

/// <summary>What a rule on a type we do not own says.</summary>
internal enum ExternalRuleKind
{
    ListMap,
    ListTopology,
    MapTopology,
    Prepend,
    AtomicReplace,
    OneOf,
    Default,
    Required,
    PatchStrategy,
}

/// <summary>One rule from a [KubernetesTypeRules] class.</summary>
/// <param name="OwnerKey">Metadata name of the owner type.</param>
/// <param name="Property">C# property name (null for a whole-type MapTopology rule); for OneOf, the group name.</param>
/// <param name="Values">ListMap: keys; OneOf: member property names; Default: the JSON; PatchStrategy: the strategy, then the merge key if any.</param>
/// <param name="MergeKeys">ListMap: keys the preset merge uses instead, if any.</param>
/// <param name="Topology">ListTopology/MapTopology: the enum value.</param>
internal sealed record ExternalRule(
    ExternalRuleKind Kind,
    string OwnerKey,
    string OwnerName,
    string? Property,
    EquatableArray<string> Values,
    EquatableArray<string> MergeKeys,
    int Topology,
    bool EmptyMeansUnset,
    LocationInfo? Location);

/// <summary>A built-in kind declared with [ExternalRoot].</summary>
internal sealed record ExternalRoot(string TypeKey, string Group, string Version, string Kind, string Plural, bool Namespaced, LocationInfo? Location);

/// <summary>The result of parsing one [KubernetesTypeRules] class.</summary>
internal sealed record RulesParse(
    EquatableArray<ExternalRoot> Roots,
    EquatableArray<ExternalRule> Rules,
    EquatableArray<TypeShape> Types,
    EquatableArray<DiagnosticInfo> Diagnostics);
