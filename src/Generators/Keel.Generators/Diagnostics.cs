using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Keel.Generators;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never reuse or renumber one
/// (AnalyzerReleases.Unshipped.md tracks them; docs/developer-guide/generator.md explains each).
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Keel.Generators";

    public static readonly DiagnosticDescriptor RootNotPartial = Error("KEEL001", "Custom resource class must be partial",
        "Custom resource class '{0}' must be declared partial: the generator adds its Kube* constants");

    public static readonly DiagnosticDescriptor UnsupportedType = Error("KEEL002", "Unsupported property type",
        "Property '{0}' has type '{1}', which has no JSON schema or merge rule: {2}");

    public static readonly DiagnosticDescriptor MapKeyMissing = Error("KEEL003", "Map-list key does not exist",
        "Map-list key '{0}' of '{1}' is not a JSON property of item type '{2}'");

    public static readonly DiagnosticDescriptor MapKeyNotScalar = Error("KEEL004", "Map-list key is not a scalar",
        "Map-list key '{0}' of '{1}' must be a string, integer, number or boolean, but is {2}");

    public static readonly DiagnosticDescriptor MapKeyNullable = Error("KEEL005", "Map-list key is nullable",
        "Map-list key '{0}' of '{1}' is declared [SchemaNullable]; the API server rejects nullable list-map keys");

    public static readonly DiagnosticDescriptor MapKeyNotRequired = Error("KEEL006", "Map-list key is neither required nor defaulted",
        "Map-list key '{0}' of '{1}' must be required or have a default, or items without it cannot be told apart");

    public static readonly DiagnosticDescriptor SetNotScalar = Error("KEEL007", "Set items must be scalars",
        "'{0}' is a set (x-kubernetes-list-type: set) but its items are {1}; sets hold scalars");

    public static readonly DiagnosticDescriptor DuplicateKey = Error("KEEL008", "Duplicate map-list key",
        "Map-list key '{0}' is listed more than once for '{1}'");

    public static readonly DiagnosticDescriptor MapListWithoutKeys = Error("KEEL009", "Map list without keys",
        "'{0}' is a map list but names no key: add [ListMapKey(\"...\")]");

    public static readonly DiagnosticDescriptor PrependNotList = Error("KEEL010", "Prepend needs a list",
        "[Prepend] on '{0}' needs a list property, but it is {1}");

    public static readonly DiagnosticDescriptor AtomicReplaceUnsupported = Error("KEEL011", "AtomicReplace on an unsupported type",
        "[AtomicReplace] on '{0}' needs a list, map, string or object property, but it is {1}");

    public static readonly DiagnosticDescriptor OneOfTooSmall = Error("KEEL012", "One-of group needs two members",
        "One-of group '{0}' of '{1}' has {2} member(s); a group needs at least two");

    public static readonly DiagnosticDescriptor OneOfMemberNotNullable = Error("KEEL013", "One-of member cannot be unset",
        "One-of member '{0}' of '{1}' is a non-nullable value type; the merge must be able to clear it");

    public static readonly DiagnosticDescriptor StorageVersionCount = Error("KEEL014", "Exactly one storage version",
        "Custom resource '{0}' has {1} storage version(s) among {2}; mark exactly one version [StorageVersion] (a single version is the storage version by default)");

    public static readonly DiagnosticDescriptor PrinterColumnPath = Error("KEEL015", "Printer column path does not resolve",
        "Printer column '{0}' path '{1}' does not resolve in '{2}': {3}");

    public static readonly DiagnosticDescriptor BadDefault = Error("KEEL016", "Default is not a valid value of the property",
        "Default '{0}' of '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor BadCel = Error("KEEL017", "CEL rule does not parse",
        "CEL rule '{0}' on '{1}' does not parse: {2}");

    public static readonly DiagnosticDescriptor UnknownRuleTarget = Error("KEEL018", "Rule names an unknown property",
        "Rule for '{0}' names '{1}', which is not a property of that type");

    public static readonly DiagnosticDescriptor RecursiveType = Error("KEEL019", "Recursive type",
        "Type '{0}' contains itself through '{1}'; structural schemas cannot express recursion (use a free-form JsonNode)");

    public static readonly DiagnosticDescriptor InconsistentVersions = Error("KEEL020", "Versions of one resource disagree",
        "Versions of custom resource '{0}' disagree: {1}");

    public static readonly DiagnosticDescriptor InvalidResourceName = Error("KEEL021", "Invalid resource name",
        "Custom resource '{0}': {1}");

    public static readonly DiagnosticDescriptor RootWithoutMetadata = Error("KEEL022", "Custom resource without metadata",
        "Custom resource class '{0}' needs a 'Metadata' property of type k8s.Models.V1ObjectMeta");

    public static readonly DiagnosticDescriptor OptionalValueType = Warning("KEEL023", "Optional value-type property cannot be unset",
        "Property '{0}' is optional but its type '{1}' cannot be null: the merge treats its default value as unset, so an explicit {2} in an overlay cannot win; declare it nullable");

    public static readonly DiagnosticDescriptor NoSetter = Error("KEEL024", "Property without a setter",
        "Property '{0}' has no setter or init accessor; merge results cannot be built (mark it [SchemaIgnore] if it is computed)");

    public static readonly DiagnosticDescriptor TopologyMismatch = Error("KEEL025", "Topology does not fit the property type",
        "[{0}] on '{1}' does not fit its type {2}");

    public static readonly DiagnosticDescriptor BadExample = Error("KEEL026", "Example is not JSON",
        "Example '{0}' of '{1}' is not valid JSON: {2}");

    public static readonly DiagnosticDescriptor ScalePath = Error("KEEL027", "Scale subresource path does not resolve",
        "Scale subresource path '{0}' of '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor BadPattern = Error("KEEL028", "Pattern is not a valid regular expression",
        "Pattern '{0}' of '{1}' does not parse: {2}");

    public static readonly DiagnosticDescriptor ValidationMismatch = Error("KEEL029", "Validation does not fit the property type",
        "[{0}] on '{1}' does not apply to {2}; the API server rejects the schema");

    public static readonly DiagnosticDescriptor DuplicateJsonName = Error("KEEL030", "Duplicate JSON name",
        "Type '{0}' has two properties named '{1}' in JSON");

    public static readonly DiagnosticDescriptor SchemaFromNotFreeForm = Error("KEEL031", "SchemaFrom needs a free-form property",
        "[SchemaFrom] on '{0}' needs a JsonNode/JsonObject property (or a list or map of them), but it is {1}");

    public static readonly DiagnosticDescriptor EmbeddedNotObject = Error("KEEL032", "Embedded resource must be an object",
        "[EmbeddedResource] on '{0}' needs an object or free-form property, but it is {1}");

    public static readonly DiagnosticDescriptor OneOfSugarUnknownField = Error("KEEL033", "One-of rule names an unknown field",
        "[{0}] on '{1}' names '{2}', which is not a JSON property of the type");

    public static readonly DiagnosticDescriptor RuntimeMissing = Error("KEEL034", "Keel.Model runtime not referenced",
        "The generated code needs Keel.Model.Merging and Keel.Model.Topology; reference Keel.Model");

    public static readonly DiagnosticDescriptor ExternalRootWithoutKind = Error("KEEL035", "External root without kind",
        "[ExternalRoot] type '{0}' carries no [KubernetesEntity]; set ApiVersion and Kind");

    public static readonly DiagnosticDescriptor RuleOwnerUnreachable = Warning("KEEL036", "Rule for a type no root reaches",
        "Rule for '{0}.{1}' has no effect: no [ExternalRoot] or custom resource reaches '{0}'");

    public static readonly DiagnosticDescriptor ConflictingRules = Error("KEEL037", "Conflicting rules",
        "'{0}' has conflicting rules: {1}");

    public static readonly DiagnosticDescriptor DuplicateVersion = Error("KEEL038", "Duplicate custom resource version",
        "Custom resource '{0}' declares version '{1}' more than once");

    public static readonly DiagnosticDescriptor NotConstructible = Error("KEEL039", "Type needs a public parameterless constructor",
        "Type '{0}' needs a public parameterless constructor: merge and clone results are built with an object initializer (positional records are not supported; use init or set properties)");

    public static readonly DiagnosticDescriptor BadPatchStrategy = Error("KEEL040", "Invalid patch strategy",
        "Patch strategy rule for '{0}' cannot work: {1}");

    public static readonly DiagnosticDescriptor EnumWrittenAsNumber = Warning("KEEL041", "Enum property written as a number",
        "'{0}' holds enum '{1}', which the schema describes as a string, but System.Text.Json writes it as a number: add [JsonConverter(typeof(JsonStringEnumConverter<...>))] to the enum or property, or serialize the custom resource with a JsonSerializerContext that has [JsonSourceGenerationOptions(UseStringEnumConverter = true)]");

    public static readonly DiagnosticDescriptor BadCelSetting = Error("KEEL042", "Invalid CEL rule setting",
        "CEL rule '{0}' on '{1}' would be rejected by the API server: {2}");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(Diagnostics)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static string HelpLink(string id) => "docs/developer-guide/generator.md#" + id.ToLowerInvariant();
}
