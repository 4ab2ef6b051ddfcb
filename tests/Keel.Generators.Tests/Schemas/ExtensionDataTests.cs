using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;
using Keel.Model.Merging;
using Keel.Model.Topology;
using Inference = Keel.Model.Upstream.Inference.V1;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// A <c>[JsonExtensionData]</c> dictionary is not a field: it is left out of the schema and the topology, the object
/// keeps unknown fields (<c>x-kubernetes-preserve-unknown-fields</c>), and the merge unites its entries by key.
/// </summary>
public sealed class ExtensionDataTests
{
    private const string Gadget = Scenarios.Usings + """
        using System.Text.Json;
        namespace Demo;

        [CustomResource("demo.keel.dev", "v1", "Gadget")]
        public partial class Gadget
        {
            public V1ObjectMeta? Metadata { get; set; }
            public GadgetSpec? Spec { get; set; }
        }

        public sealed class GadgetSpec
        {
            public string? Name { get; set; }
            public GadgetPart? Part { get; set; }

            [JsonExtensionData]
            public IDictionary<string, JsonElement>? ExtensionData { get; set; }
        }

        public sealed class GadgetPart
        {
            public int? Size { get; set; }

            [JsonExtensionData]
            public JsonObject? Unknown { get; set; }
        }
        """;

    [Fact]
    public void Extension_data_is_not_a_schema_property_and_keeps_unknown_fields()
    {
        var result = GeneratorHarness.Run(Gadget);
        result.AssertCompilesCleanly();
        var spec = JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_gadgets_demo_keel_dev"))!["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;

        Assert.Equal(["name", "part"], spec["properties"]!.AsObject().Select(p => p.Key));
        Assert.True(spec["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        var part = spec["properties"]!["part"]!;
        Assert.Equal(["size"], part["properties"]!.AsObject().Select(p => p.Key));
        Assert.True(part["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
    }

    [Fact]
    public void Extension_data_is_not_a_topology_field_but_is_merged_by_key()
    {
        var result = GeneratorHarness.Run(Gadget);
        var catalog = result.Sources["KeelGenerated.g.cs"];
        Assert.DoesNotContain("\"extensionData\"", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("\"unknown\"", catalog, StringComparison.Ordinal);

        var specMerge = result.Sources["ObjectMerger.Demo.GadgetSpec.g.cs"];
        Assert.Contains("ExtensionData = global::Keel.Model.Merging.MergeOps.MapUnion(@base.ExtensionData, overlay.ExtensionData, static e => e.Clone()!, null, context),", specMerge, StringComparison.Ordinal);
        var partMerge = result.Sources["ObjectMerger.Demo.GadgetPart.g.cs"];
        Assert.Contains("Unknown = global::Keel.Model.Merging.MergeOps.UnionObject(@base.Unknown, overlay.Unknown, context),", partMerge, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_upstream_schemas_have_no_extension_data_field_anywhere()
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find("inference.networking.k8s.io/v1", "InferencePool")!.OpenApiV3SchemaJson)!;
        var objects = Objects(schema).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.False(o["properties"]!.AsObject().ContainsKey("extensionData")));
        var spec = schema["properties"]!["spec"]!;
        Assert.True(spec["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.True(spec["properties"]!["endpointPickerRef"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.True(spec["properties"]!["endpointPickerRef"]!["properties"]!["port"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Null(TopologyCatalog.For(typeof(Inference.Port))!.Field("extensionData"));
    }

    [Fact]
    public void Unknown_fields_are_united_by_key_with_the_overlay_winning_and_traced_at_the_object()
    {
        var @base = new Inference.Port { Number = 8000, ExtensionData = new Dictionary<string, JsonElement> { ["a"] = Json("1"), ["b"] = Json("1") } };
        var overlay = new Inference.Port { ExtensionData = new Dictionary<string, JsonElement> { ["b"] = Json("2"), ["c"] = Json("3") } };
        var trace = new MergeTrace();

        var merged = ObjectMerger.Merge(@base, overlay, trace)!;

        Assert.Equal(8000, merged.Number);
        Assert.Equal(["1", "2", "3"], new[] { "a", "b", "c" }.Select(k => merged.ExtensionData![k].GetRawText()));
        Assert.Contains(trace.Events, e => e.Path == "['b']" && e.Side == MergeSide.Overlay);
        Assert.Contains(trace.Events, e => e.Path == "['a']" && e.Side == MergeSide.Base);
        Assert.NotSame(@base.ExtensionData, merged.ExtensionData);
        Assert.Equal(["a", "b"], ObjectMerger.Clone(@base)!.ExtensionData!.Keys.Order());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject)
            {
                yield return obj;
            }

            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                foreach (var nested in Objects(item))
                {
                    yield return nested;
                }
            }
        }
    }
}
