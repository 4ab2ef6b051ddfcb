using System.Text.Json.Nodes;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>Walks a type's topology and its schema side by side; any disagreement is a generator bug.</summary>
internal static class TopologyAgreement
{
    public static void Compare(Type type, JsonObject schema, string path, List<string> problems, HashSet<Type> visiting)
    {
        var topology = TopologyCatalog.For(type);
        if (topology is null)
        {
            problems.Add($"{path}: no topology for {type.Name}");
            return;
        }

        if (!visiting.Add(type))
        {
            return;
        }

        if (topology.Atomic != (schema["x-kubernetes-map-type"]?.GetValue<string>() == "atomic"))
        {
            problems.Add($"{path}: struct atomicity differs (topology {topology.Atomic})");
        }

        var properties = schema["properties"] as JsonObject;
        if (properties is null)
        {
            problems.Add($"{path}: object schema without properties");
            visiting.Remove(type);
            return;
        }

        foreach (var name in properties.Select(p => p.Key).Where(n => topology.Field(n) is null && n is not ("apiVersion" or "kind")))
        {
            problems.Add($"{path}.{name}: in the schema but not in the topology");
        }

        foreach (var field in topology.Fields)
        {
            if (properties[field.JsonName] is not JsonObject node)
            {
                if (type == typeof(k8s.Models.V1ObjectMeta))
                {
                    continue; // metadata embedded in a CRD keeps only the fields the API server accepts there
                }

                problems.Add($"{path}.{field.JsonName}: in the topology but not in the schema");
                continue;
            }

            CompareField(field, node, path + "." + field.JsonName, problems, visiting);
        }

        visiting.Remove(type);
    }

    private static void CompareField(FieldTopology field, JsonObject node, string path, List<string> problems, HashSet<Type> visiting)
    {
        var type = node["type"]?.GetValue<string>();
        switch (field.Kind)
        {
            case FieldKind.List:
                var schemaList = node["x-kubernetes-list-type"]?.GetValue<string>() ?? "atomic";
                if (!string.Equals(schemaList, field.ListType?.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{path}: list type {field.ListType} vs schema {schemaList}");
                }

                var keys = (node["x-kubernetes-list-map-keys"] as JsonArray)?.Select(k => k!.GetValue<string>()).ToList() ?? [];
                if (!keys.SequenceEqual(field.ListMapKeys))
                {
                    problems.Add($"{path}: keys [{string.Join(",", field.ListMapKeys)}] vs schema [{string.Join(",", keys)}]");
                }

                var expected = field.ListType switch
                {
                    ListType.Map => MergeStrategy.MapList,
                    ListType.Set => MergeStrategy.SetUnion,
                    _ => MergeStrategy.AtomicList,
                };
                if (field.Strategy != expected && field.Strategy is not (MergeStrategy.Prepend or MergeStrategy.AtomicReplace or MergeStrategy.AtomicReplaceUnlessEmpty))
                {
                    problems.Add($"{path}: merge strategy {field.Strategy} does not follow list type {field.ListType}");
                }

                if (type != "array")
                {
                    problems.Add($"{path}: a list but schema type {type}");
                }
                else if (field.ElementType is { } item)
                {
                    Compare(item, node["items"]!.AsObject(), path + "[]", problems, visiting);
                }

                break;
            case FieldKind.Map:
                if (type != "object" || node["additionalProperties"] is not JsonObject values)
                {
                    problems.Add($"{path}: a map but the schema has no additionalProperties");
                    break;
                }

                if (field.AtomicMapOrStruct != (node["x-kubernetes-map-type"]?.GetValue<string>() == "atomic"))
                {
                    problems.Add($"{path}: map atomicity differs");
                }

                if (field.ElementType is { } value)
                {
                    Compare(value, values, path + "{}", problems, visiting);
                }

                break;
            case FieldKind.Object:
                if (type != "object")
                {
                    problems.Add($"{path}: an object but schema type {type}");
                    break;
                }

                if (field.AtomicMapOrStruct && node["x-kubernetes-map-type"]?.GetValue<string>() != "atomic")
                {
                    problems.Add($"{path}: atomic struct not marked in the schema");
                }

                if (node["properties"] is not null)
                {
                    Compare(field.ClrType, node, path, problems, visiting);
                }

                break;
            case FieldKind.FreeForm:
                if (node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true && node["properties"] is null)
                {
                    problems.Add($"{path}: free-form but the schema does not preserve unknown fields");
                }

                break;
            default:
                var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
                if (!intOrString && type is not ("string" or "integer" or "number" or "boolean"))
                {
                    problems.Add($"{path}: a scalar but schema type {type}");
                }

                break;
        }
    }
}
