using System.Text.Json.Nodes;
using Keel.Model.Topology;

namespace Keel.Model.Authoring.Testing;

/// <summary>
/// Applies the <c>default</c>s of a generated CRD's structural schema to a manifest, as the API server does when the
/// object is created: a missing field with a default gets it, in every object and list item that is present (so
/// <c>decode: {}</c> gets <c>replicas: 1</c>, a gateway reference gets its group and kind).
/// </summary>
internal static class CrdDefaults
{
    public static void Apply(JsonObject manifest, string crdName)
    {
        var crd = CrdCatalog.Find(crdName) ?? throw new InvalidOperationException($"the CRD {crdName} is not generated");
        var schema = JsonNode.Parse(crd.Json)?["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"] as JsonObject
            ?? throw new InvalidOperationException($"the CRD {crdName} has no schema");
        Default(manifest, schema);
    }

    private static void Default(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, propertySchema) in properties)
                {
                    if (propertySchema is not JsonObject property)
                    {
                        continue;
                    }

                    if (!obj.ContainsKey(name) && property["default"] is { } value)
                    {
                        obj[name] = value.DeepClone();
                    }

                    if (obj[name] is { } child)
                    {
                        Default(child, property);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Default(item, items);
                }

                break;
        }
    }
}
