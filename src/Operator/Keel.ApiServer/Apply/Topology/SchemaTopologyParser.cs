using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Topology;

/// <summary>
/// Turns an OpenAPI v3 (structural) schema into <see cref="TypeNode"/>s, with the rules the Kubernetes
/// API server uses to derive merge types from schemas (kube-openapi's schemaconv):
/// <list type="bullet">
/// <item>an array is atomic unless <c>x-kubernetes-list-type</c> says <c>set</c> or <c>map</c> (with
/// <c>x-kubernetes-list-map-keys</c>); without a list type, <c>x-kubernetes-patch-strategy: merge</c>
/// makes it keyed by <c>x-kubernetes-patch-merge-key</c> (or a set when there is no merge key);</item>
/// <item>an object is granular unless <c>x-kubernetes-map-type: atomic</c>; undeclared keys take the
/// <c>additionalProperties</c> schema, or are deduced from the value when the object has no properties,
/// allows any additional property, or sits under <c>x-kubernetes-preserve-unknown-fields</c>;</item>
/// <item>a schema without a type (<c>x-kubernetes-int-or-string</c>, free-form values) accepts any shape;</item>
/// <item><c>$ref</c> (directly or as the single entry of <c>allOf</c>) is resolved as a JSON pointer in
/// the schema document, with sibling extensions overriding the referenced schema's.</item>
/// </list>
/// </summary>
internal sealed class SchemaTopologyParser
{
    private static readonly string[] OverridableKeywords =
    [
        "x-kubernetes-map-type", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
        "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key",
    ];

    private readonly JsonObject document;
    private readonly Dictionary<string, TypeNode> references = new(StringComparer.Ordinal);

    private SchemaTopologyParser(JsonObject document) => this.document = document;

    /// <summary>Parses a kind's root schema; <c>metadata</c> always gets the ObjectMeta topology.</summary>
    public static TypeNode ParseRoot(JsonObject rootSchema)
    {
        var parser = new SchemaTopologyParser(rootSchema);
        var root = parser.Parse(rootSchema, "<root>", preserveUnknownFields: false);
        var objectMeta = new SchemaTopologyParser(ObjectMetaSchema.Create()).Parse(ObjectMetaSchema.Create(), ".metadata", false);
        return WithObjectMeta(root, objectMeta);
    }

    /// <summary>A root that accepts any object: ObjectMeta for <c>metadata</c>, everything else deduced.</summary>
    public static TypeNode DeducedRoot()
    {
        var objectMeta = new SchemaTopologyParser(ObjectMetaSchema.Create()).Parse(ObjectMetaSchema.Create(), ".metadata", false);
        var root = new TypeNode("<deduced root>")
        {
            Map = new MapShape(new Dictionary<string, StructField>(), UntypedTypes.Deduced, atomic: false),
        };
        return WithObjectMeta(root, objectMeta);
    }

    private static TypeNode WithObjectMeta(TypeNode root, TypeNode objectMeta)
    {
        var map = root.Map ?? new MapShape(new Dictionary<string, StructField>(), UntypedTypes.Deduced, atomic: false);
        var fields = new Dictionary<string, StructField>(map.Fields, StringComparer.Ordinal)
        {
            ["metadata"] = new StructField("metadata", objectMeta, null),
        };
        var stringType = new TypeNode(".apiVersion") { Scalar = true };
        fields.TryAdd("apiVersion", new StructField("apiVersion", stringType, null));
        fields.TryAdd("kind", new StructField("kind", new TypeNode(".kind") { Scalar = true }, null));
        return new TypeNode(root.Description)
        {
            Map = new MapShape(fields, map.ElementType, atomic: false),
        };
    }

    private TypeNode Parse(JsonObject schema, string path, bool preserveUnknownFields)
    {
        var reference = ReferenceOf(schema);
        if (reference is null)
        {
            var node = new TypeNode(path);
            Fill(node, schema, path, preserveUnknownFields);
            return node;
        }

        // A referenced type is converted on its own (it does not inherit preserve-unknown-fields);
        // extensions next to the reference override the referenced schema's.
        var overrides = new JsonObject();
        foreach (var keyword in OverridableKeywords)
        {
            if (schema.TryGetPropertyValue(keyword, out var value))
            {
                overrides[keyword] = JsonValues.Clone(value);
            }
        }
        var cacheKey = reference + "|" + GoJson.Write(overrides);
        if (references.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }
        var target = Resolve(reference);
        var referenced = new TypeNode(reference);
        references[cacheKey] = referenced;
        if (target is null)
        {
            CopyShape(UntypedTypes.Deduced, referenced);
            return referenced;
        }
        var merged = (JsonObject)target.DeepClone();
        foreach (var (keyword, value) in overrides)
        {
            merged[keyword] = JsonValues.Clone(value);
        }
        Fill(referenced, merged, reference, preserveUnknownFields: false);
        return referenced;
    }

    private static void CopyShape(TypeNode from, TypeNode to)
    {
        to.Scalar = from.Scalar;
        to.List = from.List;
        to.Map = from.Map;
    }

    private static string? ReferenceOf(JsonObject schema)
    {
        if (JsonValues.AsString(schema["$ref"]) is { Length: > 0 } direct)
        {
            return direct;
        }
        return schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only
            && JsonValues.AsString(only["$ref"]) is { Length: > 0 } wrapped
            ? wrapped
            : null;
    }

    private JsonObject? Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }
        JsonNode? node = document;
        foreach (var raw in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj && obj.TryGetPropertyValue(token, out var next) ? next : null;
            if (node is null)
            {
                return null;
            }
        }
        return node as JsonObject;
    }

    private void Fill(TypeNode node, JsonObject schema, string path, bool preserveUnknownFields)
    {
        if (schema["x-kubernetes-preserve-unknown-fields"] is JsonValue preserve && preserve.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            preserveUnknownFields = true;
        }
        node.PatchStrategy = JsonValues.AsString(schema["x-kubernetes-patch-strategy"]);
        node.PatchMergeKey = JsonValues.AsString(schema["x-kubernetes-patch-merge-key"]);

        switch (TypeOf(schema))
        {
            case "":
                node.Scalar = true;
                node.List = ParseList(schema, path, preserveUnknownFields);
                node.Map = ParseObject(schema, path, preserveUnknownFields);
                break;
            case "object":
                node.Map = ParseObject(schema, path, preserveUnknownFields);
                break;
            case "array":
                node.List = ParseList(schema, path, preserveUnknownFields);
                break;
            default:
                node.Scalar = true;
                break;
        }
    }

    private static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue value when JsonValues.AsString(value) is { } text => text,
        JsonArray { Count: > 0 } many when JsonValues.AsString(many[0]) is { } first => first,
        _ => "",
    };

    private MapShape ParseObject(JsonObject schema, string path, bool preserveUnknownFields)
    {
        var fields = new Dictionary<string, StructField>(StringComparer.Ordinal);
        var properties = schema["properties"] as JsonObject;
        if (properties is not null)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject propertySchema)
                {
                    var type = Parse(propertySchema, path + "." + name, preserveUnknownFields);
                    fields[name] = new StructField(name, type, propertySchema.TryGetPropertyValue("default", out var value) ? JsonValues.Clone(value) : null);
                }
            }
        }

        TypeNode? elementType = schema["additionalProperties"] switch
        {
            null when preserveUnknownFields || fields.Count == 0 => UntypedTypes.Deduced,
            null => null,
            JsonObject additional => Parse(additional, path + ".*", preserveUnknownFields),
            JsonValue allows when allows.GetValueKind() == System.Text.Json.JsonValueKind.True => UntypedTypes.Deduced,
            _ => preserveUnknownFields ? UntypedTypes.Deduced : null,
        };

        var atomic = JsonValues.AsString(schema["x-kubernetes-map-type"]) == "atomic";
        return new MapShape(fields, elementType, atomic);
    }

    private ListShape ParseList(JsonObject schema, string path, bool preserveUnknownFields)
    {
        var element = schema["items"] switch
        {
            JsonObject items => Parse(items, path + "[]", preserveUnknownFields),
            JsonArray { Count: 1 } tuple when tuple[0] is JsonObject only => Parse(only, path + "[]", preserveUnknownFields),
            _ => UntypedTypes.Atomic,
        };

        var listType = JsonValues.AsString(schema["x-kubernetes-list-type"]);
        switch (listType)
        {
            case "set":
                return new ListShape(ListType.Set, [], element);
            case "map":
                var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray)?
                    .Select(JsonValues.AsString).OfType<string>().ToArray() ?? [];
                return keys.Length > 0 ? new ListShape(ListType.Map, keys, element) : new ListShape(ListType.Atomic, [], element);
            case not null:
                return new ListShape(ListType.Atomic, [], element);
        }

        var strategy = JsonValues.AsString(schema["x-kubernetes-patch-strategy"]);
        if (strategy is not null && strategy.Split(',').Contains("merge"))
        {
            var mergeKey = JsonValues.AsString(schema["x-kubernetes-patch-merge-key"]);
            return mergeKey is null ? new ListShape(ListType.Set, [], element) : new ListShape(ListType.Map, [mergeKey], element);
        }
        return new ListShape(ListType.Atomic, [], element);
    }
}
