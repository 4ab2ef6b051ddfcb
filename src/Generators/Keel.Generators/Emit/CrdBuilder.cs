using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Analysis;
using Keel.Generators.Json;
using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>Builds an apiextensions.k8s.io/v1 CustomResourceDefinition from the versions of one kind.</summary>
internal static class CrdBuilder
{
    public static JsonObject Build(CrdModel crd, IReadOnlyDictionary<string, ResolvedType> types)
    {
        var first = crd.Versions[0];
        var names = new JsonObject
        {
            ["kind"] = JsonValue.From(first.Kind),
            ["listKind"] = JsonValue.From(first.ListKind),
            ["plural"] = JsonValue.From(first.Plural),
            ["singular"] = JsonValue.From(first.Singular),
        };
        if (!first.ShortNames.IsEmpty)
        {
            names["shortNames"] = new JsonArray(first.ShortNames.Select(JsonValue.From));
        }

        if (!first.Categories.IsEmpty)
        {
            names["categories"] = new JsonArray(first.Categories.Select(JsonValue.From));
        }

        var versions = crd.Versions.Select(v => Version(crd, v, types)).ToList();
        return new JsonObject
        {
            ["apiVersion"] = JsonValue.From("apiextensions.k8s.io/v1"),
            ["kind"] = JsonValue.From("CustomResourceDefinition"),
            ["metadata"] = new JsonObject { ["name"] = JsonValue.From(crd.Name) },
            ["spec"] = new JsonObject
            {
                ["group"] = JsonValue.From(crd.Group),
                ["names"] = names,
                ["scope"] = JsonValue.From(first.Namespaced ? "Namespaced" : "Cluster"),
                ["versions"] = new JsonArray(versions),
            },
        };
    }

    /// <summary>The openAPIV3Schema of one version (also what the schema catalog serves for it).</summary>
    public static JsonObject Schema(ResourceModel version, IReadOnlyDictionary<string, ResolvedType> types) =>
        types.TryGetValue(version.RootKey, out var root)
            ? new SchemaBuilder(types, crd: true).ForRoot(root)
            : new JsonObject { ["type"] = JsonValue.From("object") };

    private static JsonObject Version(CrdModel crd, ResourceModel version, IReadOnlyDictionary<string, ResolvedType> types)
    {
        var result = new JsonObject
        {
            ["name"] = JsonValue.From(version.Version),
            ["served"] = JsonValue.From(version.Served),
            ["storage"] = JsonValue.From(ResourceChecks.IsStorage(crd, version)),
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = Schema(version, types) },
        };

        if (version.Deprecated)
        {
            result["deprecated"] = JsonLiteral.True;
            if (version.DeprecationWarning is { } warning)
            {
                result["deprecationWarning"] = JsonValue.From(warning);
            }
        }

        var subresources = new JsonObject();
        if (version.StatusSubresource)
        {
            subresources["status"] = new JsonObject();
        }

        if (version.ScaleSpecReplicasPath is { } spec && version.ScaleStatusReplicasPath is { } status)
        {
            var scale = new JsonObject
            {
                ["specReplicasPath"] = JsonValue.From(spec),
                ["statusReplicasPath"] = JsonValue.From(status),
            };
            if (version.ScaleLabelSelectorPath is { } selector)
            {
                scale["labelSelectorPath"] = JsonValue.From(selector);
            }

            subresources["scale"] = scale;
        }

        if (subresources.Count > 0)
        {
            result["subresources"] = subresources;
        }

        if (!version.PrinterColumns.IsEmpty)
        {
            result["additionalPrinterColumns"] = new JsonArray(version.PrinterColumns.Select(Column));
        }

        return result;
    }

    private static JsonObject Column(PrinterColumn column)
    {
        var result = new JsonObject
        {
            ["name"] = JsonValue.From(column.Name),
            ["type"] = JsonValue.From(column.Type),
            ["jsonPath"] = JsonValue.From(column.JsonPath),
        };
        if (column.Description is { } description)
        {
            result["description"] = JsonValue.From(description);
        }

        if (column.Format is { } format)
        {
            result["format"] = JsonValue.From(format);
        }

        if (column.Priority != 0)
        {
            result["priority"] = JsonValue.From(column.Priority);
        }

        return result;
    }
}
