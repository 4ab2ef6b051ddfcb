using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// A templatable <c>[SchemaFrom]</c> schema is a partial object: nothing in it is required, except the keys of the map
/// lists it keeps (the API server wants each key required or defaulted; a defaulted key keeps its default instead).
/// </summary>
public sealed class TemplatableSchemaTests
{
    private const string Preset = Scenarios.Usings + """
        namespace Demo;

        [KubernetesTypeRules]
        [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "name")]
        [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Volumes), "name")]
        [ListMap(typeof(V1Container), nameof(V1Container.Env), "name")]
        [ListMap(typeof(V1Container), nameof(V1Container.Ports), "containerPort", "protocol")]
        [ListMap(typeof(V1Container), nameof(V1Container.VolumeMounts), "mountPath")]
        [DefaultRule(typeof(V1ContainerPort), nameof(V1ContainerPort.Protocol), "\"TCP\"")]
        internal static partial class Rules
        {
        }

        [CustomResource("demo.keel.dev", "v1", "Preset")]
        public partial class Preset
        {
            public V1ObjectMeta? Metadata { get; set; }
            public PresetSpec? Spec { get; set; }
        }

        public sealed class PresetSpec
        {
            [SchemaFrom(typeof(Part), Templatable = true)]
            public JsonObject? Template { get; set; }

            public Part? Typed { get; set; }

            [SchemaFrom(typeof(V1Deployment), Templatable = true)]
            public JsonObject? Deployment { get; set; }

            [ListType(ListTopology.Atomic)]
            [SchemaFrom(typeof(Part), Templatable = true)]
            public IList<JsonObject>? Parts { get; set; }

            [SchemaFrom(typeof(Part), Templatable = true)]
            public IDictionary<string, JsonObject>? PartsByName { get; set; }
        }

        public sealed class Part
        {
            public required string Name { get; set; }

            [Required]
            public string? Image { get; set; }

            public int Count { get; set; }

            [ListMapKey("name")]
            public IList<Item>? Items { get; set; }

            [ListMapKey("name")]
            [ListMapKey("kind")]
            public IList<Keyed>? Keyed { get; set; }

            [ListMapKey("port")]
            public IList<PortItem>? Ports { get; set; }
        }

        public sealed class Item
        {
            public required string Name { get; set; }
            public required string Value { get; set; }
        }

        public sealed class Keyed
        {
            public required string Name { get; set; }

            [Default("\"A\"")]
            public string? Kind { get; set; }

            public required string Value { get; set; }
        }

        public sealed class PortItem
        {
            public int Port { get; set; }
            public required string Name { get; set; }
        }
        """;

    private static readonly Lazy<JsonObject> Crd = new(() =>
    {
        var result = GeneratorHarness.Run(Preset);
        result.AssertCompilesCleanly();
        return JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_presets_demo_keel_dev"))!.AsObject();
    });

    private static JsonNode Spec => Crd.Value["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!;

    [Fact]
    public void The_typed_use_requires_what_the_type_declares()
    {
        var typed = Spec["typed"]!;
        Assert.Equal(["count", "image", "name"], Strings(typed["required"]));
        Assert.Equal(["name", "value"], Strings(typed["properties"]!["items"]!["items"]!["required"]));
    }

    [Fact]
    public void A_templatable_use_requires_only_the_keys_of_the_map_lists_it_keeps()
    {
        var template = Spec["template"]!;
        Assert.Null(template["required"]);

        var items = template["properties"]!["items"]!;
        Assert.Equal("map", items["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["name"], Strings(items["items"]!["required"]));

        // A defaulted key is not required: it keeps its default, the less restrictive valid choice.
        var keyed = template["properties"]!["keyed"]!;
        Assert.Equal(["name"], Strings(keyed["items"]!["required"]));
        Assert.Equal("A", keyed["items"]!["properties"]!["kind"]!["default"]!.GetValue<string>());

        // An integer key becomes int-or-string, so the list is atomic and needs no key at all.
        var ports = template["properties"]!["ports"]!;
        Assert.Equal("atomic", ports["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Null(ports["items"]!["required"]);
    }

    [Fact]
    public void A_templatable_deployment_requires_nothing_outside_map_list_keys()
    {
        var required = RequiredPaths(Spec["deployment"]!, "deployment").ToList();
        Assert.NotEmpty(required);
        Assert.All(required, r => Assert.Matches(@"\[\]\.(name|mountPath|devicePath|ip|topologyKey|whenUnsatisfiable|uid)$", r));
        Assert.Contains("deployment.spec.template.spec.containers[].name", required);
        Assert.DoesNotContain("deployment.spec.selector", required);
    }

    [Fact]
    public void SchemaFrom_on_a_list_or_map_of_json_objects_describes_each_item()
    {
        var parts = Spec["parts"]!;
        Assert.Equal("array", parts["type"]!.GetValue<string>());
        Assert.Equal("atomic", parts["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(Spec["template"]!.ToJsonString(), parts["items"]!.ToJsonString());

        var byName = Spec["partsByName"]!;
        Assert.Equal("object", byName["type"]!.GetValue<string>());
        Assert.Equal(Spec["template"]!.ToJsonString(), byName["additionalProperties"]!.ToJsonString());
    }

    [Fact]
    public void SchemaFrom_on_a_list_of_scalars_is_an_error()
    {
        var result = GeneratorHarness.Run(Preset.Replace(
            "public IList<JsonObject>? Parts { get; set; }", "public IList<string>? Parts { get; set; }", StringComparison.Ordinal));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "KEEL031" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("PresetSpec.Parts", StringComparison.Ordinal));
    }

    [Fact]
    public void The_crd_passes_the_api_servers_crd_validation()
    {
        var crd = (JsonObject)Crd.Value.DeepClone();
        CustomResourceDefinitionDefaults.Apply(crd);
        var errors = CustomResourceDefinitionValidation.Validate(crd);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    /// <summary>Every required property under <paramref name="schema"/>, as a dotted path (list items as <c>[]</c>).</summary>
    private static IEnumerable<string> RequiredPaths(JsonNode schema, string path)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required)
            {
                yield return path + "." + name!.GetValue<string>();
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                foreach (var nested in RequiredPaths(child!, path + "." + name))
                {
                    yield return nested;
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            foreach (var nested in RequiredPaths(items, path + "[]"))
            {
                yield return nested;
            }
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var nested in RequiredPaths(values, path + "{}"))
            {
                yield return nested;
            }
        }
    }
}
