using System.Text.Json.Nodes;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Admission;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Tables;

namespace Keel.ApiServer.Crds;

/// <summary>
/// Turns a CustomResourceDefinition into the resources it serves: one per served version, sharing one
/// storage (at the storage version). Versions are not converted beyond rewriting <c>apiVersion</c>
/// (no conversion webhooks), so all served versions of a CRD must share one shape.
/// </summary>
public static class CrdResources
{
    public static IReadOnlyList<ServedResource> From(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = (string?)spec["group"] ?? "";
        var plural = (string?)names["plural"] ?? "";
        var kind = (string?)names["kind"] ?? "";
        if (group.Length == 0 || plural.Length == 0 || kind.Length == 0)
        {
            return [];
        }

        var result = new List<ServedResource>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (JsonNumbers.Bool(version["served"]) != true)
            {
                continue;
            }

            var schema = version["schema"]?["openAPIV3Schema"] as JsonObject;
            var definition = new ResourceDefinition
            {
                Group = group,
                Version = (string?)version["name"] ?? "",
                Kind = kind,
                Plural = plural,
                Singular = (string?)names["singular"] ?? kind.ToLowerInvariant(),
                ListKind = (string?)names["listKind"] ?? kind + "List",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                Namespaced = (string?)spec["scope"] != "Cluster",
                HasStatusSubresource = version["subresources"]?["status"] is not null,
                Scale = version["subresources"]?["scale"] is JsonObject scale
                    ? new ScaleSubresource((string?)scale["specReplicasPath"] ?? ".spec.replicas", (string?)scale["statusReplicasPath"] ?? ".status.replicas", (string?)scale["labelSelectorPath"])
                    : null,
                GenerationFields = GenerationTracking.CustomResource,
                AllowUnconditionalUpdate = false,
                Columns = Columns(version),
                SelectableFields = (version["selectableFields"] as JsonArray ?? [])
                    .Select(f => ((string?)f?["jsonPath"] ?? "").TrimStart('.')).Where(p => p.Length > 0).ToList(),
                OpenApiSchema = (JsonObject?)schema?.DeepClone(),
                IsStorageVersion = JsonNumbers.Bool(version["storage"]) == true,
            };
            result.Add(ResourceMachinery.ForCustomResource(definition, (JsonObject?)schema?.DeepClone()));
        }

        return result;
    }

    public static GroupResource GroupResourceOf(JsonObject crd) =>
        new((string?)crd["spec"]?["group"] ?? "", (string?)crd["spec"]?["names"]?["plural"] ?? "");

    /// <summary>The version's printer columns; none declared means Age, as the real server defaults.</summary>
    private static IReadOnlyList<TableColumn> Columns(JsonObject version)
    {
        var columns = new List<TableColumn>();
        foreach (var c in (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>())
        {
            try
            {
                columns.Add(TableColumn.FromJsonPath((string?)c["name"] ?? "", (string?)c["type"] ?? "string", (string?)c["jsonPath"] ?? "",
                    (string?)c["description"] ?? "", JsonNumbers.Int(c["priority"]) ?? 0, (string?)c["format"] ?? ""));
            }
            catch (FormatException)
            {
                // An unsupported path renders as an empty column rather than failing every list.
                columns.Add(new TableColumn((string?)c["name"] ?? "", (string?)c["type"] ?? "string", (string?)c["description"] ?? "", JsonNumbers.Int(c["priority"]) ?? 0, (_, _) => null));
            }
        }

        return columns.Count > 0 ? columns : [TableColumn.Age()];
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => (string?)v ?? "").Where(s => s.Length > 0).ToList() : [];
}
