using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Model;

/// <summary>
/// Turns an <c>openAPIV3Schema</c> JSON object into <see cref="SchemaNode"/>s. Lenient on purpose: keywords of the
/// wrong JSON type are ignored here and reported by CRD validation, so parsing never throws on user input.
/// </summary>
internal static class SchemaParser
{
    public static SchemaNode Parse(JsonObject source)
    {
        var properties = new List<KeyValuePair<string, SchemaNode>>();
        var hasPropertiesKeyword = false;
        if (source["properties"] is JsonObject propertiesObject)
        {
            hasPropertiesKeyword = true;
            foreach (var (name, value) in propertiesObject)
            {
                properties.Add(new(name, value is JsonObject child ? Parse(child) : SchemaNode.Empty));
            }
        }

        SchemaNode? additionalProperties = null;
        var additionalForbidden = false;
        var additionalAllowed = false;
        switch (source["additionalProperties"])
        {
            case JsonObject additional:
                additionalProperties = Parse(additional);
                break;
            case JsonValue flag when JsonValues.AsBool(flag) is { } allowed:
                additionalForbidden = !allowed;
                additionalAllowed = allowed;
                break;
        }

        var pattern = JsonValues.AsString(source["pattern"]);
        System.Text.RegularExpressions.Regex? regex = null;
        if (pattern is not null)
        {
            Re2Regex.TryCompile(pattern, out regex, out _);
        }

        var hasDefault = source.ContainsKey("default");
        return new SchemaNode
        {
            Source = source,
            Type = JsonValues.AsString(source["type"]),
            Nullable = JsonValues.AsBool(source["nullable"]) ?? false,
            Format = JsonValues.AsString(source["format"]),
            PropertyList = properties,
            Properties = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            HasPropertiesKeyword = hasPropertiesKeyword,
            Required = Strings(source["required"]),
            AdditionalProperties = additionalProperties,
            AdditionalPropertiesForbidden = additionalForbidden,
            AdditionalPropertiesAllowedWithoutSchema = additionalAllowed,
            Items = source["items"] is JsonObject items ? Parse(items) : null,
            Enum = source["enum"] is JsonArray values ? values.Select(v => v?.DeepClone()).ToList() : null,
            Pattern = pattern,
            PatternRegex = regex,
            MinLength = Integer(source["minLength"]),
            MaxLength = Integer(source["maxLength"]),
            Minimum = Number(source["minimum"]),
            Maximum = Number(source["maximum"]),
            ExclusiveMinimum = JsonValues.AsBool(source["exclusiveMinimum"]) ?? false,
            ExclusiveMaximum = JsonValues.AsBool(source["exclusiveMaximum"]) ?? false,
            MultipleOf = Number(source["multipleOf"]),
            MinItems = Integer(source["minItems"]),
            MaxItems = Integer(source["maxItems"]),
            UniqueItems = JsonValues.AsBool(source["uniqueItems"]) ?? false,
            MinProperties = Integer(source["minProperties"]),
            MaxProperties = Integer(source["maxProperties"]),
            HasDefault = hasDefault,
            Default = hasDefault ? source["default"]?.DeepClone() : null,
            XPreserveUnknownFields = JsonValues.AsBool(source["x-kubernetes-preserve-unknown-fields"]) ?? false,
            XEmbeddedResource = JsonValues.AsBool(source["x-kubernetes-embedded-resource"]) ?? false,
            XIntOrString = JsonValues.AsBool(source["x-kubernetes-int-or-string"]) ?? false,
            XListType = JsonValues.AsString(source["x-kubernetes-list-type"]),
            XListMapKeys = Strings(source["x-kubernetes-list-map-keys"]),
            XMapType = JsonValues.AsString(source["x-kubernetes-map-type"]),
            XValidations = Rules(source["x-kubernetes-validations"]),
            AllOf = Schemas(source["allOf"]),
            AnyOf = Schemas(source["anyOf"]),
            OneOf = Schemas(source["oneOf"]),
            Not = source["not"] is JsonObject not ? Parse(not) : null,
        };
    }

    private static List<SchemaNode> Schemas(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>().Select(Parse).ToList() : [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(JsonValues.AsString).Where(s => s is not null).Select(s => s!).ToList() : [];

    private static long? Integer(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            if (GoNumber.TryGetInteger(value, out var l))
            {
                return l;
            }

            var d = GoNumber.GetDouble(value);
            return Math.Floor(d) == d ? (long)d : null;
        }

        return null;
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? GoNumber.GetDouble(value) : null;

    private static List<ValidationRuleSpec> Rules(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var rules = new List<ValidationRuleSpec>(array.Count);
        foreach (var item in array)
        {
            var rule = item as JsonObject ?? new JsonObject();
            rules.Add(new ValidationRuleSpec(
                JsonValues.AsString(rule["rule"]) ?? "",
                JsonValues.AsString(rule["message"]) ?? "",
                JsonValues.AsString(rule["messageExpression"]) ?? "",
                JsonValues.AsString(rule["reason"]),
                JsonValues.AsString(rule["fieldPath"]) ?? "",
                JsonValues.AsBool(rule["optionalOldSelf"])));
        }

        return rules;
    }
}
