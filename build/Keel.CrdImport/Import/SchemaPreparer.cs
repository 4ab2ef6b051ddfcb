using System.Text.Json.Nodes;

namespace Keel.CrdImport.Import;

/// <summary>
/// Rewrites a Kubernetes schema into the document NJsonSchema generates C# from:
/// <list type="bullet">
/// <item>every object type gets a name (its <c>title</c>, or its parent's name plus the property name);</item>
/// <item>types KubernetesClient already has (by title: <c>V1Condition</c>, <c>V1PodTemplateSpec</c>...), the root
/// <c>metadata</c> (V1ObjectMeta), int-or-string values (IntOrString) and free-form objects (JsonObject) become
/// references to those types instead of generated classes;</item>
/// <item>a titled type used in several places is generated once (identical copies are required);</item>
/// <item>keywords that would change the C# shape (required, default, enum, nullable) are removed: every property
/// is nullable, so an unset field stays unset, and the keywords come back as attributes.</item>
/// </list>
/// Each prepared property and class carries an id that maps back to its original schema, from which
/// <see cref="AttributeWriter"/> writes the attributes.
/// </summary>
internal sealed class SchemaPreparer
{
    /// <summary>Formats that choose the C# type (and that the generator derives back from it).</summary>
    public static readonly IReadOnlySet<string> TypeFormats = new HashSet<string>(StringComparer.Ordinal)
    {
        "int32", "int64", "date-time", "double", "float", "byte",
    };

    public const string IdKey = "x-keel-id";
    private const string ClassKey = "x-keel-class";
    private const string DefinitionsPrefix = "#/definitions/";

    private readonly ImportUnit _unit;
    private readonly ExternalTypes _external;
    private readonly Dictionary<string, PreparedNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedExternal = new(StringComparer.Ordinal);
    private int _nextId;

    private SchemaPreparer(ImportUnit unit, ExternalTypes external)
    {
        _unit = unit;
        _external = external;
    }

    public static PreparedSchema Prepare(ImportUnit unit, ExternalTypes external) => new SchemaPreparer(unit, external).Run();

    private PreparedSchema Run()
    {
        var root = PrepareClass(_unit.Schema, _unit.RootTypeName, "", isRoot: true, mapKeys: new HashSet<string>());
        var definitions = new JsonObject();
        Hoist(root, definitions);
        foreach (var name in _usedExternal.Order(StringComparer.Ordinal))
        {
            // Placeholder definitions: NJsonSchema references them by name; they are excluded from generation.
            definitions[name] = new JsonObject
            {
                ["type"] = "object",
                ["title"] = name,
                ["properties"] = new JsonObject { ["placeholder"] = new JsonObject { ["type"] = "string" } },
            };
        }

        root["definitions"] = definitions;
        return new PreparedSchema(root, _nodes, _usedExternal);
    }

    private JsonObject PrepareClass(JsonObject schema, string typeName, string path, bool isRoot, IReadOnlySet<string> mapKeys)
    {
        var required = schema["required"] is JsonArray list ? list.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];

        // Map-list keys stay required properties (a key must be present even in a partial object). Other required
        // fields become has() rules on the class: they hold for the kind itself, and a templatable [SchemaFrom] use
        // (a preset part, which the operator completes) drops class rules, as a partial object needs.
        var requiredProperties = required.Where(mapKeys.Contains).ToHashSet(StringComparer.Ordinal);
        var requiredRules = required.Where(r => !mapKeys.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var properties = new JsonObject();
        foreach (var (name, value) in schema["properties"]?.AsObject() ?? [])
        {
            if (value is not JsonObject property)
            {
                throw new ImportException($"{_unit.SourcePath}: {path}.{name}: a property schema must be an object");
            }

            properties[name] = isRoot && name == "metadata" && _unit.Resource is not null
                ? Reference(ExternalTypes.ObjectMeta, Register(property, required.Contains(name), path + "." + name, false))
                : PrepareValue(property, $"{path}.{name}", typeName + Pascal(name), requiredProperties.Contains(name));
        }

        if (isRoot)
        {
            Describe(properties, "apiVersion", "APIVersion defines the versioned schema of this representation of an object.");
            Describe(properties, "kind", "Kind is a string value representing the REST resource this object represents.");
            Describe(properties, "metadata", "Standard object metadata.");
        }

        if (isRoot && _unit.Resource is { } resource)
        {
            SetDefault(properties, "apiVersion", resource.ApiVersion);
            SetDefault(properties, "kind", resource.Kind);
        }
        else if (isRoot && _unit.GroupVersionKind is { } gvk)
        {
            SetDefault(properties, "apiVersion", gvk.ApiVersion);
            SetDefault(properties, "kind", gvk.Kind);
        }

        var shape = ClassShape.For(_unit, schema, typeName, isRoot, requiredRules);
        var prepared = new JsonObject
        {
            ["type"] = "object",
            ["title"] = typeName,
            [ClassKey] = typeName,
            ["keelClassAttributes"] = shape.Attributes,
            ["keelInterfaces"] = shape.Interfaces,
            ["keelBody"] = shape.Body,
            ["properties"] = properties,
        };
        if (schema["description"] is { } description)
        {
            prepared["description"] = description.DeepClone();
        }

        return prepared;
    }

    private JsonObject PrepareValue(JsonObject schema, string path, string nameHint, bool required, IReadOnlySet<string>? mapKeys = null)
    {
        var type = schema["type"]?.GetValue<string>();
        var title = schema["title"]?.GetValue<string>();
        if (schema["x-kubernetes-int-or-string"] is JsonValue intOrString && intOrString.GetValue<bool>())
        {
            return Reference(ExternalTypes.IntOrString, Register(schema, required, path, false));
        }

        if (title is not null && _external.Resolve(title) is { } externalName)
        {
            // A KubernetesClient model: its schema is known in full, so a preserve-unknown-fields placeholder does not apply.
            return Reference(externalName, Register(schema, required, path, false, isExternalModel: true));
        }

        switch (type)
        {
            case "array":
                var items = schema["items"] as JsonObject
                    ?? throw new ImportException($"{_unit.SourcePath}: {path}: an array needs an items schema");
                return WithCommon(schema, new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = PrepareValue(items, path + "[]", Singular(nameHint), required: false, MapKeys(schema)),
                }, Register(schema, required, path, false));
            case "object" when schema["properties"] is JsonObject { Count: > 0 }:
                var prepared = PrepareClass(schema, title ?? nameHint, path, isRoot: false, mapKeys ?? new HashSet<string>());
                prepared[IdKey] = Register(schema, required, path, true);
                return prepared;
            case "object" when schema["additionalProperties"] is JsonObject values:
                return WithCommon(schema, new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = PrepareValue(values, path + "{}", nameHint + "Value", required: false),
                }, Register(schema, required, path, false));
            case "object" or null:
                // Free-form (x-kubernetes-preserve-unknown-fields) or untyped: kept as JSON.
                return Reference(type is null ? ExternalTypes.JsonNode : ExternalTypes.JsonObject, Register(schema, required, path, false));
            default:
                var scalar = new JsonObject { ["type"] = type };
                if (schema["format"]?.GetValue<string>() is { } format && TypeFormats.Contains(format))
                {
                    scalar["format"] = format;
                }

                return WithCommon(schema, scalar, Register(schema, required, path, false));
        }
    }

    private static HashSet<string> MapKeys(JsonObject array) =>
        array["x-kubernetes-list-type"]?.GetValue<string>() == "map" && array["x-kubernetes-list-map-keys"] is JsonArray keys
            ? keys.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : [];

    private JsonObject Reference(string externalName, string id)
    {
        _usedExternal.Add(externalName);
        var node = _nodes[id].Original;
        var reference = new JsonObject { ["$ref"] = DefinitionsPrefix + externalName, [IdKey] = id };
        if (node["description"] is { } description)
        {
            reference["description"] = description.DeepClone();
        }

        return reference;
    }

    private static JsonObject WithCommon(JsonObject original, JsonObject prepared, string id)
    {
        prepared[IdKey] = id;
        if (original["description"] is { } description)
        {
            prepared["description"] = description.DeepClone();
        }

        return prepared;
    }

    private string Register(JsonObject original, bool required, string path, bool isGeneratedClass, bool isExternalModel = false)
    {
        var id = "n" + _nextId++;
        _nodes[id] = new PreparedNode(original, required, path, isGeneratedClass, isExternalModel);
        return id;
    }

    private static void Describe(JsonObject properties, string name, string description)
    {
        if (properties[name] is JsonObject property && property["description"] is null)
        {
            property["description"] = description;
        }
    }

    private static void SetDefault(JsonObject properties, string name, string value)
    {
        if (properties[name] is JsonObject property)
        {
            property["default"] = value;
        }
    }

    // Moves every class into definitions, innermost first, and points its uses there: a class used in several
    // places is generated once, and a class's description stays apart from the descriptions of its uses.
    private void Hoist(JsonObject root, JsonObject definitions)
    {
        while (true)
        {
            var uses = new List<(JsonObject Node, string Name)>();
            Collect(root, uses, isRoot: true);
            var repeated = uses.GroupBy(u => u.Name, StringComparer.Ordinal).ToList();
            if (repeated.Count == 0)
            {
                return;
            }

            // Innermost first: a class that contains no other inline class.
            var repeatedNames = repeated.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            var group = repeated.First(g => !ContainsClass(g.First().Node, repeatedNames, self: true));
            var canonical = Canonical(group.First().Node);
            foreach (var (node, _) in group)
            {
                if (Canonical(node) != canonical)
                {
                    var paths = string.Join(", ", group.Select(u => _nodes[u.Node[IdKey]!.GetValue<string>()].Path));
                    throw new ImportException(
                        $"{_unit.SourcePath}: the title {group.Key} names different schemas at {paths}; give them different titles");
                }
            }

            var definition = (JsonObject)group.First().Node.DeepClone();
            definition.Remove(IdKey);
            definitions[group.Key] = definition;
            foreach (var (node, _) in group)
            {
                ReplaceWithReference(node, group.Key);
            }
        }
    }

    private static void ReplaceWithReference(JsonObject node, string name)
    {
        var keep = new[] { IdKey, "description" };
        foreach (var key in node.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            node.Remove(key);
        }

        node["$ref"] = DefinitionsPrefix + name;
    }

    private static void Collect(JsonNode? node, List<(JsonObject, string)> uses, bool isRoot)
    {
        if (node is JsonObject obj)
        {
            if (!isRoot && obj[ClassKey]?.GetValue<string>() is { } name)
            {
                uses.Add((obj, name));
            }

            foreach (var (key, value) in obj)
            {
                if (key != "definitions")
                {
                    Collect(value, uses, isRoot: false);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, uses, isRoot: false);
            }
        }
    }

    private static bool ContainsClass(JsonNode? node, IReadOnlySet<string> names, bool self)
    {
        if (node is JsonObject obj)
        {
            if (!self && obj[ClassKey]?.GetValue<string>() is { } name && names.Contains(name))
            {
                return true;
            }

            return obj.Any(p => ContainsClass(p.Value, names, self: false));
        }

        return node is JsonArray array && array.Any(i => ContainsClass(i, names, self: false));
    }

    // The schema without ids and without its own description (uses may describe it differently).
    private static string Canonical(JsonObject node)
    {
        var copy = (JsonObject)node.DeepClone();
        copy.Remove("description");
        StripIds(copy);
        return copy.ToJsonString();
    }

    private static void StripIds(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove(IdKey);
            foreach (var (_, value) in obj)
            {
                StripIds(value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                StripIds(item);
            }
        }
    }

    internal static string Pascal(string name)
    {
        var parts = name.Split(['-', '_', '.', '/'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string Singular(string name) =>
        name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
        : name.EndsWith("sses", StringComparison.Ordinal) ? name[..^2]
        : name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) ? name[..^1]
        : name + "Item";
}

/// <summary>A prepared property or class and the original schema it came from.</summary>
internal sealed record PreparedNode(JsonObject Original, bool Required, string Path, bool IsGeneratedClass, bool IsExternalModel);

/// <summary>The document for NJsonSchema, the map from ids to original schemas, and the external types it references.</summary>
internal sealed record PreparedSchema(JsonObject Document, IReadOnlyDictionary<string, PreparedNode> Nodes, IReadOnlySet<string> ExternalTypeNames);
