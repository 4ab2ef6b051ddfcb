using System.Text.Json.Nodes;
using Keel.CrdWriter;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>The CRD writer renders catalog CRDs to YAML files and keeps only what the catalog produces.</summary>
public sealed class CrdWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "keel-crds-" + Guid.NewGuid().ToString("N"));

    static CrdWriterTests()
    {
        CrdCatalog.Register(static () =>
        [
            new CrdDocument("gadgets.writer.keel.dev", "writer.keel.dev", "Gadget", "gadgets",
                """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gadgets.writer.keel.dev"},"spec":{"group":"writer.keel.dev","versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"description":"Line one.\nLine two.","type":"object","properties":{"mode":{"enum":["true","1"],"type":"string"}}}}}]}}"""),
        ]);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Writes_each_crd_as_yaml()
    {
        CrdFiles.Write(directory);
        var text = File.ReadAllText(Path.Combine(directory, "gadgets.writer.keel.dev.yaml"));
        Assert.StartsWith("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n", text, StringComparison.Ordinal);
        Assert.Contains("  name: gadgets.writer.keel.dev\n", text, StringComparison.Ordinal);
        Assert.Contains("description: |-\n", text, StringComparison.Ordinal); // multi-line strings stay readable
        Assert.Contains("- 'true'\n", text, StringComparison.Ordinal);       // strings that look like booleans stay strings
        Assert.Contains("- '1'\n", text, StringComparison.Ordinal);

        // Deterministic: a second run writes the same bytes.
        CrdFiles.Write(directory);
        Assert.Equal(text, File.ReadAllText(Path.Combine(directory, "gadgets.writer.keel.dev.yaml")));
    }

    [Fact]
    public void Removes_stale_crds_and_keeps_other_files()
    {
        Directory.CreateDirectory(Path.Combine(directory, "upstream"));
        File.WriteAllText(Path.Combine(directory, "old.writer.keel.dev.yaml"), "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n");
        File.WriteAllText(Path.Combine(directory, "notes.yaml"), "kind: ConfigMap\n");
        File.WriteAllText(Path.Combine(directory, "upstream", "pools.yaml"), "kind: CustomResourceDefinition\n");
        CrdFiles.Write(directory);
        Assert.False(File.Exists(Path.Combine(directory, "old.writer.keel.dev.yaml")));
        Assert.True(File.Exists(Path.Combine(directory, "notes.yaml")));
        Assert.True(File.Exists(Path.Combine(directory, "upstream", "pools.yaml")));
    }

    [Fact]
    public void Kinds_imported_from_upstream_are_not_written()
    {
        Directory.CreateDirectory(Path.Combine(directory, CrdFiles.UpstreamDirectory));
        File.WriteAllText(Path.Combine(directory, CrdFiles.UpstreamDirectory, "gadgets.writer.keel.dev.yaml"), "kind: CustomResourceDefinition\n");
        var written = CrdFiles.Write(directory);
        Assert.DoesNotContain(written, p => p.EndsWith("gadgets.writer.keel.dev.yaml", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(directory, "gadgets.writer.keel.dev.yaml")));
    }

    [Fact]
    public void Yaml_round_trips_to_the_same_json()
    {
        var crd = CrdCatalog.Find("gadgets.writer.keel.dev")!;
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(crd.ToYaml()));
        var fromYaml = ToJson(stream.Documents[0].RootNode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(crd.Json), fromYaml), fromYaml?.ToJsonString());
    }

    // YAML 1.2 core schema: plain true/false/null/numbers are typed, everything quoted or else is a string.
    private static JsonNode? ToJson(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlDotNet.RepresentationModel.YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            var v when double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            var v => JsonValue.Create(v),
        },
        YamlDotNet.RepresentationModel.YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}
