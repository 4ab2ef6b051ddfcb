using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;
using Keel.Model.Merging;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Merging;

/// <summary>
/// The generated merge of our own annotated types (the Widget scenario, compiled and loaded): attribute-driven
/// rules on custom types behave like the built-in ones.
/// </summary>
public sealed class CustomTypeMergeTests
{
    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var result = GeneratorHarness.Run(Scenarios.Widget);
        result.AssertCompilesCleanly();
        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return Assembly.Load(image.ToArray());
    });

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private static JsonNode? MergeSpecs(string @base, string overlay, IMergeObserver? observer = null)
    {
        var specType = Compiled.Value.GetType("Demo.WidgetSpec")!;
        var merger = Compiled.Value.GetType("Scenario.Merging.ObjectMerger")!;
        var merge = merger.GetMethod("Merge", [specType, specType, typeof(IMergeObserver)])!;
        var result = merge.Invoke(null, [JsonSerializer.Deserialize(@base, specType, Json), JsonSerializer.Deserialize(overlay, specType, Json), observer]);
        return JsonNode.Parse(JsonSerializer.Serialize(result, specType, Json));
    }

    private static void Equal(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), "Got: " + actual?.ToJsonString());

    [Fact]
    public void Attribute_rules_apply_to_custom_types()
    {
        Equal("""
            {
              "modelName": "m", "replicas": 0,
              "ports": [{"name": "http", "port": 80, "tls": true}, {"name": "metrics", "port": 9090}],
              "tags": ["a", "b", "c"],
              "args": ["model", "--port", "8000"],
              "command": ["serve"],
              "labels": {"app": "x", "tier": "decode"},
              "selector": {"app": "y"},
              "valueFrom": {"name": "secret", "key": "k"},
              "mode": "Careful",
              "targetPort": "http",
              "extra": {"replaced": true}
            }
            """, MergeSpecs(
            """
            {
              "modelName": "m", "replicas": 2,
              "ports": [{"name": "http", "port": 8000, "tls": true}],
              "tags": ["a", "b"],
              "args": ["--port", "8000"],
              "command": ["serve"],
              "labels": {"app": "x"},
              "selector": {"app": "x", "tier": "t"},
              "value": "literal",
              "mode": "Fast",
              "targetPort": 8000,
              "extra": {"kept": false}
            }
            """,
            """
            {
              "modelName": "m", "replicas": 0,
              "ports": [{"name": "http", "port": 80}, {"name": "metrics", "port": 9090}],
              "tags": ["b", "c"],
              "args": ["model"],
              "command": [],
              "labels": {"tier": "decode"},
              "selector": {"app": "y"},
              "valueFrom": {"name": "secret", "key": "k"},
              "mode": "Careful",
              "targetPort": "http",
              "extra": {"replaced": true}
            }
            """));
    }

    [Fact]
    public void Custom_types_are_in_the_topology_catalog()
    {
        var specType = Compiled.Value.GetType("Demo.WidgetSpec")!;
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(specType.Module.ModuleHandle);
        var topology = TopologyCatalog.For(specType);
        Assert.NotNull(topology);
        Assert.Equal(MergeStrategy.SetUnion, topology.Field("tags")!.Strategy);
        Assert.Equal(MergeStrategy.AtomicReplaceUnlessEmpty, topology.Field("command")!.Strategy);
        Assert.Equal(MergeStrategy.AtomicMap, topology.Field("selector")!.Strategy);
        Assert.Equal(MergeStrategy.AtomicObject, topology.Field("valueFrom")!.Strategy);
        Assert.Equal("value", topology.Field("valueFrom")!.OneOfGroup);
        Assert.NotNull(SchemaCatalog.Find("demo.keel.dev/v1alpha1", "Widget"));
    }
}
