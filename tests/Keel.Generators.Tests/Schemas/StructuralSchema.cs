using System.Text.Json.Nodes;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// The apiextensions.k8s.io/v1 rules for structural schemas that can be checked offline: what the API
/// server enforces when a CRD is created (and what our built-in schemas must satisfy to be used the same way).
/// </summary>
internal static class StructuralSchema
{
    private static readonly HashSet<string> Forbidden = ["$ref", "$schema", "id", "definitions", "dependencies", "patternProperties", "additionalItems", "not"];
    private static readonly HashSet<string> ScalarTypes = ["string", "integer", "number", "boolean"];

    /// <summary>Every violation, each with the JSON path of the schema node.</summary>
    public static List<string> Violations(JsonNode schema, bool crdRoot)
    {
        var errors = new List<string>();
        if (schema["type"]?.GetValue<string>() != "object")
        {
            errors.Add("$: the root must be type: object");
        }

        Check(schema.AsObject(), "$", errors);
        if (crdRoot && schema["properties"]?["metadata"] is JsonObject metadata)
        {
            var extra = metadata.Select(p => p.Key).Where(k => k is not ("type" or "properties" or "description")).ToList();
            if (extra.Count > 0 || metadata["properties"] is JsonObject props && props.Any(p => p.Key is not ("name" or "generateName")))
            {
                errors.Add("$.properties.metadata: only name and generateName may be restricted at the root");
            }
        }

        return errors;
    }

    private static void Check(JsonObject node, string path, List<string> errors)
    {
        foreach (var key in node.Select(p => p.Key).Where(Forbidden.Contains))
        {
            errors.Add($"{path}: '{key}' is not allowed in a structural schema");
        }

        var type = node["type"]?.GetValue<string>();
        var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var preserve = node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (type is null && !intOrString && !preserve)
        {
            errors.Add($"{path}: type is missing (only int-or-string and preserve-unknown-fields nodes may omit it)");
        }

        if (intOrString && type is not null)
        {
            errors.Add($"{path}: x-kubernetes-int-or-string must not have a type");
        }

        if (node["anyOf"] is JsonArray anyOf && !(intOrString && anyOf.Count == 2
            && anyOf[0]!["type"]?.GetValue<string>() == "integer" && anyOf[1]!["type"]?.GetValue<string>() == "string"))
        {
            errors.Add($"{path}: anyOf is only allowed in the int-or-string form");
        }

        if (node["uniqueItems"]?.GetValue<bool>() == true)
        {
            errors.Add($"{path}: uniqueItems: true is rejected by the API server");
        }

        if (node["properties"] is not null && node["additionalProperties"] is not null)
        {
            errors.Add($"{path}: properties and additionalProperties are mutually exclusive");
        }

        if (node["additionalProperties"] is JsonValue)
        {
            errors.Add($"{path}: additionalProperties must be a schema");
        }

        if (type == "array" && node["items"] is not JsonObject)
        {
            errors.Add($"{path}: an array needs one items schema");
        }

        if (node["x-kubernetes-map-type"] is not null && type != "object")
        {
            errors.Add($"{path}: x-kubernetes-map-type needs type: object");
        }

        if (node["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true && (type != "object" || (node["properties"] is null && !preserve)))
        {
            errors.Add($"{path}: x-kubernetes-embedded-resource needs type: object with properties or preserve-unknown-fields");
        }

        CheckList(node, path, type, errors);
        if (node["x-kubernetes-validations"] is JsonArray rules && rules.Any(r => string.IsNullOrWhiteSpace(r?["rule"]?.GetValue<string>())))
        {
            errors.Add($"{path}: a validation rule is empty");
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                Check(child!.AsObject(), $"{path}.{name}", errors);
            }
        }

        if (node["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => node["properties"]?[n] is null))
            {
                errors.Add($"{path}: required field '{name}' is not a property");
            }
        }

        if (node["items"] is JsonObject items)
        {
            Check(items, path + "[]", errors);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            Check(values, path + "{}", errors);
        }
    }

    private static void CheckList(JsonObject node, string path, string? type, List<string> errors)
    {
        var listType = node["x-kubernetes-list-type"]?.GetValue<string>();
        var keys = node["x-kubernetes-list-map-keys"] as JsonArray;
        if (listType is null)
        {
            if (keys is not null)
            {
                errors.Add($"{path}: x-kubernetes-list-map-keys without x-kubernetes-list-type: map");
            }

            return;
        }

        if (type != "array")
        {
            errors.Add($"{path}: x-kubernetes-list-type needs type: array");
            return;
        }

        var items = node["items"] as JsonObject;
        switch (listType)
        {
            case "atomic":
                break;
            case "set":
                var itemType = items?["type"]?.GetValue<string>();
                if (itemType is not null && !ScalarTypes.Contains(itemType) && items!["x-kubernetes-map-type"]?.GetValue<string>() != "atomic")
                {
                    errors.Add($"{path}: set items must be scalars or atomic");
                }

                break;
            case "map":
                if (items?["type"]?.GetValue<string>() != "object" || keys is null || keys.Count == 0)
                {
                    errors.Add($"{path}: a map list needs object items and keys");
                    break;
                }

                var required = (items["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var key in keys.Select(k => k!.GetValue<string>()))
                {
                    var field = items["properties"]?[key];
                    if (field is null)
                    {
                        errors.Add($"{path}: map-list key '{key}' is not a property of the items");
                        continue;
                    }

                    var fieldType = field["type"]?.GetValue<string>();
                    if (fieldType is null || !ScalarTypes.Contains(fieldType))
                    {
                        errors.Add($"{path}: map-list key '{key}' must be a scalar");
                    }

                    if (!required.Contains(key) && field["default"] is null)
                    {
                        errors.Add($"{path}: map-list key '{key}' must be required or defaulted");
                    }

                    if (field["nullable"]?.GetValue<bool>() == true)
                    {
                        errors.Add($"{path}: map-list key '{key}' must not be nullable");
                    }
                }

                break;
            default:
                errors.Add($"{path}: unknown x-kubernetes-list-type '{listType}'");
                break;
        }
    }
}
