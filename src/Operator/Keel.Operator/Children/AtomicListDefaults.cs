using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Keel.Model.Topology;
using Keel.Runtime.Resources;

namespace Keel.Operator.Children;

/// <summary>
/// Fills the schema defaults inside the atomic lists and atomic structs of a custom resource the operator applies,
/// as the API server will. Server-side apply replaces an atomic list whole, and the server then defaults the items
/// (an HTTPRoute backendRef's <c>weight: 1</c>, a rule's path match), so the live list carries fields the desired one
/// lacks and the no-op check — which compares atomic values whole — would see a difference on every reconcile and
/// send an apply each time. Outside atomic values the check already ignores fields we do not set, so nothing else is
/// touched and ownership does not change: we own an atomic list as a whole anyway. The schemas are the CRDs compiled
/// into Keel.Model (<see cref="CrdCatalog"/>); built-in kinds need none of this.
/// </summary>
public static class AtomicListDefaults
{
    private static readonly ConcurrentDictionary<ResourceInfo, JsonObject?> Schemas = new();

    /// <summary>Fills defaults in place; false when the kind has no compiled schema (nothing to do).</summary>
    public static bool Fill(JsonObject obj, ResourceInfo resource)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        if (Schemas.GetOrAdd(resource, Load) is not { } schema)
        {
            return false;
        }

        Walk(obj, schema, insideAtomic: false);
        return true;
    }

    /// <summary>Fills defaults in <paramref name="node"/> according to <paramref name="schema"/> (an OpenAPI v3 structural schema).</summary>
    public static void Walk(JsonNode? node, JsonObject schema, bool insideAtomic)
    {
        ArgumentNullException.ThrowIfNull(schema);
        switch (node)
        {
            case JsonObject obj:
                var atomicStruct = insideAtomic || schema["x-kubernetes-map-type"]?.GetValue<string>() == "atomic";
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (property is not JsonObject propertySchema)
                        {
                            continue;
                        }

                        if (atomicStruct && !obj.ContainsKey(name) && propertySchema["default"] is { } value)
                        {
                            obj[name] = value.DeepClone();
                        }

                        if (obj[name] is { } child)
                        {
                            Walk(child, propertySchema, atomicStruct);
                        }
                    }
                }
                else if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    foreach (var (_, child) in obj.ToList())
                    {
                        Walk(child, valueSchema, atomicStruct);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
                var atomicList = insideAtomic || listType is null or "atomic";
                foreach (var item in array)
                {
                    Walk(item, itemSchema, atomicList);
                }

                break;
        }
    }

    private static JsonObject? Load(ResourceInfo resource)
    {
        var crd = CrdCatalog.Find($"{resource.Plural}.{resource.Group}");
        if (crd is null || JsonNode.Parse(crd.Json) is not JsonObject root || root["spec"]?["versions"] is not JsonArray versions)
        {
            return null;
        }

        var version = versions.OfType<JsonObject>().FirstOrDefault(v => v["name"]?.GetValue<string>() == resource.Version);
        return version?["schema"]?["openAPIV3Schema"] as JsonObject;
    }
}
