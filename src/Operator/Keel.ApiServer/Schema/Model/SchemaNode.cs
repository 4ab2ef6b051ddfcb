using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Keel.ApiServer.Schema.Model;

/// <summary>
/// One node of a parsed OpenAPI v3 schema, with the Kubernetes extensions. Immutable after parsing; shared by every
/// admission that uses the schema.
/// </summary>
internal sealed class SchemaNode
{
    public static readonly SchemaNode Empty = new();

    /// <summary>The node as written, for CRD validation that must look at what the author typed.</summary>
    public JsonObject? Source { get; init; }

    public string? Type { get; init; }
    public bool Nullable { get; init; }
    public string? Format { get; init; }

    /// <summary>Declared properties in document order (errors are reported in this order).</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> PropertyList { get; init; } = [];
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);

    /// <summary>True when <c>properties</c> was written at all (even empty): the node is a struct, not a map.</summary>
    public bool HasPropertiesKeyword { get; init; }
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The schema of map values when <c>additionalProperties</c> is a schema.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary><c>additionalProperties: false</c>.</summary>
    public bool AdditionalPropertiesForbidden { get; init; }

    /// <summary><c>additionalProperties: true</c> (keys kept, values unconstrained).</summary>
    public bool AdditionalPropertiesAllowedWithoutSchema { get; init; }
    public SchemaNode? Items { get; init; }

    public IReadOnlyList<JsonNode?>? Enum { get; init; }
    public string? Pattern { get; init; }
    public Regex? PatternRegex { get; init; }
    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public double? MultipleOf { get; init; }
    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public bool UniqueItems { get; init; }
    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }
    public JsonNode? Default { get; init; }
    public bool HasDefault { get; init; }

    public bool XPreserveUnknownFields { get; init; }
    public bool XEmbeddedResource { get; init; }
    public bool XIntOrString { get; init; }
    public string? XListType { get; init; }
    public IReadOnlyList<string> XListMapKeys { get; init; } = [];
    public string? XMapType { get; init; }
    public IReadOnlyList<ValidationRuleSpec> XValidations { get; init; } = [];

    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];
    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];
    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];
    public SchemaNode? Not { get; init; }

    public bool IsObject => Type == "object";
    public bool IsArray => Type == "array";

    /// <summary>The schema for the value under <paramref name="key"/>: a declared property, else the map value schema.</summary>
    public SchemaNode? ChildFor(string key) =>
        Properties.TryGetValue(key, out var property) ? property : AdditionalProperties;

    public bool HasValueValidations => AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not is not null;
}
