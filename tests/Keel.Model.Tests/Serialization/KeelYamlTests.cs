using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Inference = Keel.Model.Upstream.Inference.V1;

namespace Keel.Model.Tests.Serialization;

public sealed class KeelYamlTests
{
    [Fact]
    public void A_type_error_in_yaml_names_the_line_and_column_of_the_value()
    {
        var yaml = """
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: opt
            spec:
              routing:
                modelName: facebook/opt-125m
                ports:
                  - name: http
                    port: eighty
              modelArtifacts:
                uri: hf://facebook/opt-125m
            """;
        var result = KeelYaml.TryDeserialize<ModelService>(yaml, "ms.yaml");
        Assert.False(result.IsSuccess);
        Assert.Equal(new SourcePosition(10, 15), result.Error.Position);
        Assert.Equal("$.spec.routing.ports[0].port", result.Error.JsonPath);
        Assert.StartsWith("ms.yaml:10:15: $.spec.routing.ports[0].port: ", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_reads_each_document_as_its_kind()
    {
        var yaml = """
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: opt
            spec:
              routing:
                modelName: facebook/opt-125m
              modelArtifacts:
                uri: hf://facebook/opt-125m
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: preset
            data:
              decodeDeployment: |
                kind: Deployment
            ---
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: pool
            spec:
              selector:
                matchLabels:
                  app: vllm
              targetPorts:
                - number: 8000
            """;
        var objects = KeelYaml.LoadAll(yaml, "stream.yaml");
        Assert.Collection(objects,
            o => Assert.Equal("facebook/opt-125m", Assert.IsType<ModelService>(o).Spec.Routing.ModelName),
            o => Assert.Equal("kind: Deployment\n", Assert.IsType<V1ConfigMap>(o).Data["decodeDeployment"]),
            o => Assert.Equal(8000, Assert.IsType<Inference.InferencePool>(o).Spec!.TargetPorts![0].Number));
    }

    [Fact]
    public void LoadAll_names_the_document_of_an_unknown_kind()
    {
        var error = Assert.Throws<KeelSerializationException>(() =>
            KeelYaml.LoadAll("apiVersion: v1\nkind: ConfigMap\n---\napiVersion: example.com/v1\nkind: Widget\n", "stream.yaml"));
        Assert.Contains("document 2: unknown kind \"Widget\" of apiVersion \"example.com/v1\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Position!.Value.Line);
    }

    [Fact]
    public void A_registry_can_be_extended_with_more_kinds()
    {
        var kinds = new KindRegistry(KindRegistry.Default).Register("example.com/v1", "Preset", typeof(V1ConfigMap));
        var objects = KeelYaml.LoadAll("apiVersion: example.com/v1\nkind: Preset\ndata:\n  a: b\n", kinds: kinds);
        Assert.Equal("b", Assert.IsType<V1ConfigMap>(Assert.Single(objects)).Data["a"]);
        Assert.Null(KindRegistry.Default.Find("example.com/v1", "Preset"));
    }

    [Fact]
    public void Serialize_writes_what_Deserialize_reads()
    {
        var ms = KeelYaml.Deserialize<ModelService>(File.ReadAllText(Api.Repository.PathOf("samples", "manifests", "modelservice-hf-every-field.yaml")));
        var again = KeelYaml.Deserialize<ModelService>(KeelYaml.Serialize(ms));
        JsonAssert.Equivalent(KeelJson.SerializeToNode(ms), KeelJson.SerializeToNode(again));
    }

    [Fact]
    public void ToJson_converts_one_document()
    {
        Assert.Equal("""{"a":[1,"x"],"b":{"c":true}}""", KeelYaml.ToJson("a: [1, x]\nb: {c: true}\n"));
    }
}
