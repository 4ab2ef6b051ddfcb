using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Json;
using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>
/// Builds structural OpenAPI v3 schemas from resolved types, following controller-gen's derivation:
/// objects with sorted properties and <c>required</c>, lists with items, dictionaries with
/// <c>additionalProperties</c>, int-or-string and quantities as <c>anyOf</c> + <c>x-kubernetes-int-or-string</c>,
/// free-form JSON as <c>x-kubernetes-preserve-unknown-fields</c>, topology as <c>x-kubernetes-*</c> extensions.
/// </summary>
internal sealed class SchemaBuilder
{
    /// <summary>The Kubernetes quantity grammar (the pattern controller-gen emits for resource.Quantity).</summary>
    public const string QuantityPattern = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    private static readonly string[] EmbeddedMetadataFields = { "annotations", "finalizers", "labels", "name", "namespace" };

    private readonly IReadOnlyDictionary<string, ResolvedType> types;
    private readonly bool crd;
    private readonly HashSet<string> stack = new(System.StringComparer.Ordinal);

    /// <param name="types">Every resolved type by key.</param>
    /// <param name="crd">
    /// CRD mode: metadata at the root is <c>type: object</c>, embedded metadata keeps the fields the API
    /// server accepts there. Otherwise (built-in kinds) metadata is described in full.
    /// </param>
    public SchemaBuilder(IReadOnlyDictionary<string, ResolvedType> types, bool crd)
    {
        this.types = types;
        this.crd = crd;
    }

    /// <summary>The schema of a whole object of a root type (a custom resource version or a built-in kind).</summary>
    public JsonObject ForRoot(ResolvedType root)
    {
        var schema = ForType(root, templatable: false, root: true);
        var properties = (JsonObject)schema["properties"]!;
        if (!properties.Has("apiVersion"))
        {
            properties["apiVersion"] = Typed("string", "The API group and version of this object's schema, for example llm-d.ai/v1alpha1.");
        }

        if (!properties.Has("kind"))
        {
            properties["kind"] = Typed("string", "The kind of this object, in CamelCase, for example ModelService.");
        }

        return schema;
    }

    private JsonObject ForType(ResolvedType type, bool templatable, bool root)
    {
        var schema = new JsonObject { ["type"] = JsonValue.From("object") };
        if (type.Shape.IsObjectMeta && crd)
        {
            return root ? schema : EmbeddedMetadata(type);
        }

        if (!stack.Add(type.Key))
        {
            // Recursion (reported for our own types; in external types it is cut off as free-form).
            schema["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True;
            return schema;
        }

        Describe(schema, type.Shape.Description);
        var properties = new JsonObject();
        var required = new List<string>();
        foreach (var property in type.Properties)
        {
            var node = ForProperty(property, templatable);
            if (property.JsonName == "metadata" && root && crd)
            {
                node = new JsonObject { ["type"] = JsonValue.From("object") };
            }

            properties[property.JsonName] = node;
            if (property.Required)
            {
                required.Add(property.JsonName);
            }
        }

        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = Strings(required.OrderBy(r => r, System.StringComparer.Ordinal));
        }

        var annotations = type.Shape.Annotations;
        if (type.Atomic)
        {
            schema["x-kubernetes-map-type"] = JsonValue.From("atomic");
        }

        if (annotations.PreserveUnknownFields)
        {
            schema["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True;
        }

        if (!templatable)
        {
            SetInt(schema, "minProperties", annotations.MinProperties);
            SetInt(schema, "maxProperties", annotations.MaxProperties);
            var rules = annotations.CelRules.Select(Rule)
                .Concat(annotations.OneOfSugar.Select(OneOfRule))
                .ToList();
            if (rules.Count > 0)
            {
                schema["x-kubernetes-validations"] = new JsonArray(rules);
            }
        }

        stack.Remove(type.Key);
        return schema;
    }

    private JsonObject EmbeddedMetadata(ResolvedType meta)
    {
        var properties = new JsonObject();
        foreach (var property in meta.Properties.Where(p => EmbeddedMetadataFields.Contains(p.JsonName)))
        {
            properties[property.JsonName] = ForProperty(property, templatable: false);
        }

        return new JsonObject { ["type"] = JsonValue.From("object"), ["properties"] = properties };
    }

    public JsonObject ForProperty(ResolvedProperty property, bool templatable)
    {
        var a = property.Annotations;
        var value = property.Value;
        JsonObject schema;
        if (a.SchemaFromType is { } from && types.TryGetValue(from, out var fromType))
        {
            schema = ForType(fromType, templatable || a.SchemaFromTemplatable, root: false);
        }
        else
        {
            schema = ForValue(value, templatable);
        }

        Describe(schema, property.Shape.Description);
        ApplyTopology(schema, property, templatable);
        if (!templatable)
        {
            ApplyValidations(schema, property);
        }

        if (a.IntOrString)
        {
            IntOrString(schema);
        }

        if (a.SchemaType is { } type)
        {
            schema["type"] = JsonValue.From(type);
        }

        if (a.PreserveUnknownFields)
        {
            schema["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True;
        }

        if (a.EmbeddedResource)
        {
            schema["type"] = JsonValue.From("object");
            schema["x-kubernetes-embedded-resource"] = JsonLiteral.True;
            if (!schema.Has("properties"))
            {
                schema["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True;
            }
        }

        if (a.Nullable)
        {
            schema["nullable"] = JsonLiteral.True;
        }

        return schema;
    }

    private JsonObject ForValue(ValueShape value, bool templatable)
    {
        switch (value.Kind)
        {
            case ValueKind.String:
                var text = new JsonObject { ["type"] = JsonValue.From("string") };
                if (value.Format is { } format && !templatable)
                {
                    text["format"] = JsonValue.From(format);
                }

                return text;
            case ValueKind.Boolean:
                return templatable ? Untyped() : new JsonObject { ["type"] = JsonValue.From("boolean") };
            case ValueKind.Integer:
                if (templatable)
                {
                    return IntOrString(new JsonObject());
                }

                return new JsonObject { ["type"] = JsonValue.From("integer"), ["format"] = JsonValue.From(value.Format ?? "int64") };
            case ValueKind.Number:
                if (templatable)
                {
                    return Untyped();
                }

                var number = new JsonObject { ["type"] = JsonValue.From("number") };
                if (value.Format is { } numberFormat)
                {
                    number["format"] = JsonValue.From(numberFormat);
                }

                return number;
            case ValueKind.Enum:
                var enumeration = new JsonObject { ["type"] = JsonValue.From("string") };
                if (!templatable && !value.EnumValues.IsEmpty)
                {
                    enumeration["enum"] = Strings(value.EnumValues);
                }

                return enumeration;
            case ValueKind.IntOrString:
                return IntOrString(new JsonObject());
            case ValueKind.Quantity:
                var quantity = IntOrString(new JsonObject());
                if (!templatable)
                {
                    quantity["pattern"] = JsonValue.From(QuantityPattern);
                }

                return quantity;
            case ValueKind.Object when value.TypeKey is not null && types.TryGetValue(value.TypeKey, out var type):
                return ForType(type, templatable, root: false);
            case ValueKind.List:
                return new JsonObject { ["type"] = JsonValue.From("array"), ["items"] = ForValue(value.Element!, templatable) };
            case ValueKind.Map:
                return new JsonObject { ["type"] = JsonValue.From("object"), ["additionalProperties"] = ForValue(value.Element!, templatable) };
            case ValueKind.FreeForm when value.FreeForm == FreeFormKind.JsonObject:
                return new JsonObject { ["type"] = JsonValue.From("object"), ["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True };
            case ValueKind.FreeForm when value.FreeForm == FreeFormKind.JsonArray:
                return new JsonObject { ["type"] = JsonValue.From("array"), ["items"] = Untyped() };
            default:
                return Untyped();
        }
    }

    private void ApplyTopology(JsonObject schema, ResolvedProperty property, bool templatable)
    {
        if (property.Kind == FieldKind.List && property.ListType is { } listType)
        {
            var keys = property.Keys;
            var keysStayTyped = !templatable || keys.All(k => KeyStaysTyped(property, k));
            if (listType == 2 && !keys.IsEmpty && keysStayTyped)
            {
                schema["x-kubernetes-list-type"] = JsonValue.From("map");
                schema["x-kubernetes-list-map-keys"] = Strings(keys);
            }
            else
            {
                schema["x-kubernetes-list-type"] = JsonValue.From(listType == 1 && !templatable ? "set" : "atomic");
            }
        }

        if (property.Kind == FieldKind.Map && property.Annotations.MapType is { } mapType)
        {
            schema["x-kubernetes-map-type"] = JsonValue.From(mapType == 1 ? "atomic" : "granular");
        }

        if (property.Kind == FieldKind.Object && property.Annotations.StructType is { } structType)
        {
            schema["x-kubernetes-map-type"] = JsonValue.From(structType == 1 ? "atomic" : "granular");
        }
    }

    // In a templatable schema, integer and boolean keys lose their type; such lists fall back to atomic.
    private bool KeyStaysTyped(ResolvedProperty property, string key)
    {
        var item = property.Value.Element?.TypeKey;
        var field = item is not null && types.TryGetValue(item, out var itemType) ? itemType.Properties.FirstOrDefault(p => p.JsonName == key) : null;
        return field?.Value.Kind is ValueKind.String or ValueKind.Enum;
    }

    private static void ApplyValidations(JsonObject schema, ResolvedProperty property)
    {
        var a = property.Annotations;
        SetNumber(schema, "minimum", a.Minimum);
        if (a.Minimum is not null && a.ExclusiveMinimum)
        {
            schema["exclusiveMinimum"] = JsonLiteral.True;
        }

        SetNumber(schema, "maximum", a.Maximum);
        if (a.Maximum is not null && a.ExclusiveMaximum)
        {
            schema["exclusiveMaximum"] = JsonLiteral.True;
        }

        SetNumber(schema, "multipleOf", a.MultipleOf);
        SetInt(schema, "minLength", a.MinLength);
        SetInt(schema, "maxLength", a.MaxLength);
        SetInt(schema, "minItems", a.MinItems);
        SetInt(schema, "maxItems", a.MaxItems);
        SetInt(schema, "minProperties", a.MinProperties);
        SetInt(schema, "maxProperties", a.MaxProperties);
        if (a.Pattern is { } pattern)
        {
            schema["pattern"] = JsonValue.From(pattern);
        }

        if (a.Format is { } format)
        {
            schema["format"] = JsonValue.From(format);
        }

        if (!a.EnumValues.IsEmpty)
        {
            schema["enum"] = Strings(a.EnumValues);
        }

        if (a.DefaultJson is { } json && JsonParser.TryParse(json, out _) is { } defaultValue)
        {
            schema["default"] = defaultValue;
        }

        if (a.ExampleJson is { } example && JsonParser.TryParse(example, out _) is { } exampleValue)
        {
            schema["example"] = exampleValue;
        }

        var rules = a.CelRules.Select(Rule).ToList();
        if (a.Immutable)
        {
            var message = a.ImmutableMessage ?? property.JsonName + " is immutable";
            rules.Insert(0, new JsonObject { ["rule"] = JsonValue.From("self == oldSelf"), ["message"] = JsonValue.From(message) });
        }

        if (rules.Count > 0)
        {
            schema["x-kubernetes-validations"] = new JsonArray(rules);
        }
    }

    private static JsonObject Rule(CelRule rule)
    {
        var result = new JsonObject { ["rule"] = JsonValue.From(rule.Rule) };
        SetString(result, "message", rule.Message);
        SetString(result, "messageExpression", rule.MessageExpression);
        SetString(result, "reason", rule.Reason);
        SetString(result, "fieldPath", rule.FieldPath);
        if (rule.OptionalOldSelf)
        {
            result["optionalOldSelf"] = JsonLiteral.True;
        }

        return result;
    }

    private static JsonObject OneOfRule(OneOfSugar sugar)
    {
        var checks = string.Join(", ", sugar.JsonNames.Select(n => "has(self." + n + ")"));
        var rule = "[" + checks + "].filter(x, x).size() " + sugar.Comparison + " 1";
        var names = string.Join(", ", sugar.JsonNames);
        var message = sugar.Message ?? sugar.Comparison switch
        {
            "==" => "exactly one of " + names + " must be set",
            "<=" => "at most one of " + names + " may be set",
            _ => "at least one of " + names + " must be set",
        };
        return new JsonObject { ["rule"] = JsonValue.From(rule), ["message"] = JsonValue.From(message) };
    }

    private static JsonObject IntOrString(JsonObject schema)
    {
        schema.Remove("type");
        schema.Remove("format");
        schema["anyOf"] = new JsonArray(new JsonValue[]
        {
            new JsonObject { ["type"] = JsonValue.From("integer") },
            new JsonObject { ["type"] = JsonValue.From("string") },
        });
        schema["x-kubernetes-int-or-string"] = JsonLiteral.True;
        return schema;
    }

    private static JsonObject Untyped() => new() { ["x-kubernetes-preserve-unknown-fields"] = JsonLiteral.True };

    private static JsonObject Typed(string type, string description) =>
        new() { ["type"] = JsonValue.From(type), ["description"] = JsonValue.From(description) };

    private static void Describe(JsonObject schema, string? description)
    {
        if (description is not null)
        {
            schema["description"] = JsonValue.From(description);
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(JsonValue.From));

    private static void SetInt(JsonObject schema, string name, int? value)
    {
        if (value is { } v)
        {
            schema[name] = JsonValue.From(v);
        }
    }

    private static void SetNumber(JsonObject schema, string name, double? value)
    {
        if (value is { } v)
        {
            schema[name] = JsonValue.From(v);
        }
    }

    private static void SetString(JsonObject schema, string name, string? value)
    {
        if (value is not null)
        {
            schema[name] = JsonValue.From(value);
        }
    }
}
