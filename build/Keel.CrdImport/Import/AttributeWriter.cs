using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.CrdImport.Import;

/// <summary>
/// Turns OpenAPI/Kubernetes schema keywords into Keel.Annotations attributes, so the generator rebuilds the same
/// schema (and merge topology) from the C# types. Keywords about items of a list or values of a map, which C#
/// attributes cannot express, become equivalent CEL rules with a message.
/// </summary>
internal static class AttributeWriter
{
    /// <summary>Attributes of a property whose schema is <paramref name="schema"/>.</summary>
    /// <param name="isGeneratedClass">The property's type is a class generated from this schema: object-level keywords go on the class.</param>
    /// <param name="isExternalModel">The property's type is a KubernetesClient model, whose full schema the generator knows.</param>
    public static List<string> ForProperty(JsonObject schema, bool required, bool isGeneratedClass, bool isExternalModel)
    {
        var attributes = new List<string>();
        if (required)
        {
            attributes.Add("[Required]");
        }

        if (schema["default"] is { } defaultValue)
        {
            attributes.Add($"[Default({CSharpLiteral.String(defaultValue.ToJsonString())})]");
        }

        if (Bool(schema, "nullable"))
        {
            attributes.Add("[SchemaNullable]");
        }

        AddScalarValidations(schema, attributes);
        AddEnum(schema, attributes, "self");

        if (schema["type"]?.GetValue<string>() == "array")
        {
            AddListAttributes(schema, attributes);
        }
        else if (schema["additionalProperties"] is JsonObject values)
        {
            AddInt(schema, "minProperties", "MinProperties", attributes);
            AddInt(schema, "maxProperties", "MaxProperties", attributes);
            if (schema["x-kubernetes-map-type"]?.GetValue<string>() is { } mapType)
            {
                attributes.Add($"[MapType(MapTopology.{Pascal(mapType)})]");
            }

            AddElementRules(values, attributes, "self.all(k, {0})", "self[k]", "every value");
        }

        if (!isGeneratedClass)
        {
            attributes.AddRange(ObjectLevel(schema, onProperty: true, preserveUnknownFields: !isExternalModel));
        }

        if (Bool(schema, "x-kubernetes-embedded-resource"))
        {
            attributes.Add("[EmbeddedResource]");
        }

        return attributes;
    }

    /// <summary>Attributes of a class generated from <paramref name="schema"/> (or of a property of an external object type).</summary>
    public static List<string> ObjectLevel(JsonObject schema, bool onProperty = false, bool preserveUnknownFields = true)
    {
        var attributes = new List<string>();
        var isObject = schema["type"]?.GetValue<string>() == "object" && schema["additionalProperties"] is not JsonObject;
        if (isObject && schema["x-kubernetes-map-type"]?.GetValue<string>() is { } structType)
        {
            attributes.Add($"[StructType(MapTopology.{Pascal(structType)})]");
        }

        if (isObject && preserveUnknownFields && Bool(schema, "x-kubernetes-preserve-unknown-fields"))
        {
            attributes.Add("[PreserveUnknownFields]");
        }

        if (isObject && !onProperty)
        {
            AddInt(schema, "minProperties", "MinProperties", attributes);
            AddInt(schema, "maxProperties", "MaxProperties", attributes);
        }

        if (schema["x-kubernetes-validations"] is JsonArray rules)
        {
            attributes.AddRange(rules.OfType<JsonObject>().Select(CelRule));
        }

        return attributes;
    }

    private static void AddListAttributes(JsonObject schema, List<string> attributes)
    {
        AddInt(schema, "minItems", "MinItems", attributes);
        AddInt(schema, "maxItems", "MaxItems", attributes);
        if (Bool(schema, "uniqueItems"))
        {
            attributes.Add("[UniqueItems]");
        }

        if (schema["x-kubernetes-list-type"]?.GetValue<string>() is { } listType)
        {
            attributes.Add($"[ListType(ListTopology.{Pascal(listType)})]");
        }

        if (schema["x-kubernetes-list-map-keys"] is JsonArray keys)
        {
            attributes.AddRange(keys.Select(k => $"[ListMapKey({CSharpLiteral.String(k!.GetValue<string>())})]"));
        }

        if (schema["items"] is JsonObject items)
        {
            AddElementRules(items, attributes, "self.all(x, {0})", "x", "every item");
        }
    }

    // Constraints on the items of a list or the values of a map, as CEL rules over the collection.
    private static void AddElementRules(JsonObject element, List<string> attributes, string quantifier, string variable, string subject)
    {
        if (element["x-kubernetes-int-or-string"] is not null || element["type"]?.GetValue<string>() is "object" or "array")
        {
            return;
        }

        void Add(string condition, string message) =>
            attributes.Add($"[CelRule({CSharpLiteral.String(string.Format(CultureInfo.InvariantCulture, quantifier, condition))}, Message = {CSharpLiteral.String($"{subject} {message}")})]");

        if (element["minLength"] is JsonValue minLength)
        {
            Add($"size({variable}) >= {minLength}", minLength.GetValue<long>() == 1 ? "must not be empty" : $"must be at least {minLength} characters long");
        }

        if (element["maxLength"] is JsonValue maxLength)
        {
            Add($"size({variable}) <= {maxLength}", $"must be at most {maxLength} characters long");
        }

        if (element["pattern"]?.GetValue<string>() is { } pattern)
        {
            Add($"{variable}.matches({CSharpLiteral.Cel(pattern)})", $"must match {pattern}");
        }

        if (element["minimum"] is JsonValue minimum)
        {
            Add($"{variable} >= {minimum}", $"must be at least {minimum}");
        }

        if (element["maximum"] is JsonValue maximum)
        {
            Add($"{variable} <= {maximum}", $"must be at most {maximum}");
        }

        if (element["enum"] is JsonArray values)
        {
            var list = string.Join(", ", values.Select(v => v!.ToJsonString()));
            Add($"{variable} in [{CelList(values)}]", $"must be one of {list}");
        }
    }

    private static void AddScalarValidations(JsonObject schema, List<string> attributes)
    {
        AddBound(schema, "minimum", "exclusiveMinimum", "Minimum", attributes);
        AddBound(schema, "maximum", "exclusiveMaximum", "Maximum", attributes);
        if (schema["multipleOf"] is JsonValue multipleOf)
        {
            attributes.Add($"[MultipleOf({CSharpLiteral.Number(multipleOf.GetValue<double>())})]");
        }

        AddInt(schema, "minLength", "MinLength", attributes);
        AddInt(schema, "maxLength", "MaxLength", attributes);
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            attributes.Add($"[Pattern({CSharpLiteral.String(pattern)})]");
        }

        if (schema["format"]?.GetValue<string>() is { } format && !SchemaPreparer.TypeFormats.Contains(format))
        {
            attributes.Add($"[Format({CSharpLiteral.String(format)})]");
        }
    }

    private static void AddEnum(JsonObject schema, List<string> attributes, string variable)
    {
        if (schema["enum"] is not JsonArray values)
        {
            return;
        }

        if (values.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String))
        {
            attributes.Add($"[EnumValues({string.Join(", ", values.Select(v => CSharpLiteral.String(v!.GetValue<string>())))})]");
            return;
        }

        // EnumValues holds strings; other enums (status codes) become a rule.
        var list = string.Join(", ", values.Select(v => v!.ToJsonString()));
        attributes.Add($"[CelRule({CSharpLiteral.String($"{variable} in [{CelList(values)}]")}, Message = {CSharpLiteral.String($"must be one of {list}")})]");
    }

    private static string CelList(JsonArray values) => string.Join(", ", values.Select(v =>
        v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? CSharpLiteral.Cel(s.GetValue<string>()) : v!.ToJsonString()));

    private static string CelRule(JsonObject rule)
    {
        var arguments = new List<string> { CSharpLiteral.String(rule["rule"]!.GetValue<string>()) };
        foreach (var (key, name) in new[] { ("message", "Message"), ("messageExpression", "MessageExpression"), ("reason", "Reason"), ("fieldPath", "FieldPath") })
        {
            if (rule[key]?.GetValue<string>() is { } value)
            {
                arguments.Add($"{name} = {CSharpLiteral.String(value)}");
            }
        }

        if (Bool(rule, "optionalOldSelf"))
        {
            arguments.Add("OptionalOldSelf = true");
        }

        return $"[CelRule({string.Join(", ", arguments)})]";
    }

    private static void AddBound(JsonObject schema, string keyword, string exclusiveKeyword, string attribute, List<string> attributes)
    {
        if (schema[keyword] is JsonValue value)
        {
            var exclusive = Bool(schema, exclusiveKeyword) ? ", Exclusive = true" : "";
            attributes.Add($"[{attribute}({CSharpLiteral.Number(value.GetValue<double>())}{exclusive})]");
        }
    }

    private static void AddInt(JsonObject schema, string keyword, string attribute, List<string> attributes)
    {
        if (schema[keyword] is JsonValue value)
        {
            attributes.Add($"[{attribute}({value.GetValue<long>().ToString(CultureInfo.InvariantCulture)})]");
        }
    }

    private static bool Bool(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static string Pascal(string value) => char.ToUpperInvariant(value[0]) + value[1..];
}
