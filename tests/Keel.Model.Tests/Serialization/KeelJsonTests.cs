using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;

namespace Keel.Model.Tests.Serialization;

public sealed class KeelJsonTests
{
    private static ModelService Minimal() => new()
    {
        Metadata = new V1ObjectMeta { Name = "opt" },
        Spec = new ModelServiceSpec
        {
            Routing = new Routing { ModelName = "facebook/opt-125m" },
            ModelArtifacts = new ModelArtifacts { Uri = "hf://facebook/opt-125m" },
        },
    };

    [Fact]
    public void Names_are_camelCase_and_nulls_are_omitted()
    {
        var json = KeelJson.Serialize(Minimal());
        Assert.Equal(
            """{"apiVersion":"llm-d.ai/v1alpha1","kind":"ModelService","metadata":{"name":"opt"},"spec":{"routing":{"modelName":"facebook/opt-125m"},"modelArtifacts":{"uri":"hf://facebook/opt-125m"}}}""",
            json);
    }

    [Fact]
    public void An_explicit_zero_or_false_is_written_because_presence_decides()
    {
        var ms = Minimal();
        ms.Spec.DecoupleScaling = false;
        ms.Spec.Decode = new PDSpec { Replicas = 0 };
        var node = KeelJson.SerializeToNode(ms)!;
        Assert.False(node["spec"]!["decoupleScaling"]!.GetValue<bool>());
        Assert.Equal(0, node["spec"]!["decode"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Quantities_are_written_in_the_canonical_form_the_API_server_uses()
    {
        var ms = KeelJson.Deserialize<ModelService>("""
            {"spec":{"routing":{"modelName":"m"},"modelArtifacts":{"uri":"hf://a/b","size":"40Gi"},
             "decode":{"containers":[{"name":"vllm","resources":{"limits":{"cpu":"0.5","memory":"1024Mi","nvidia.com/gpu":2}}}]}}}
            """);
        var node = KeelJson.SerializeToNode(ms)!;
        Assert.Equal("40Gi", node["spec"]!["modelArtifacts"]!["size"]!.GetValue<string>());
        var limits = node["spec"]!["decode"]!["containers"]![0]!["resources"]!["limits"]!;
        Assert.Equal("500m", limits["cpu"]!.GetValue<string>());
        Assert.Equal("1Gi", limits["memory"]!.GetValue<string>());
        Assert.Equal("2", limits["nvidia.com/gpu"]!.GetValue<string>());
    }

    [Fact]
    public void Int_or_string_keeps_names_as_strings_and_numbers_as_numbers()
    {
        var port = KeelJson.Deserialize<V1ServicePort>("""{"port":80,"targetPort":"http"}""");
        Assert.Equal("""{"port":80,"targetPort":"http"}""", KeelJson.Serialize(port));
        var numeric = KeelJson.Deserialize<V1ServicePort>("""{"port":80,"targetPort":8000}""");
        Assert.Equal("""{"port":80,"targetPort":8000}""", KeelJson.Serialize(numeric));
    }

    [Fact]
    public void Times_are_RFC3339_in_UTC()
    {
        var condition = KeelJson.Deserialize<V1Condition>(
            """{"type":"Ready","status":"True","lastTransitionTime":"2026-11-20T10:15:30Z","reason":"R","message":"m"}""");
        Assert.Equal(new DateTime(2026, 11, 20, 10, 15, 30, DateTimeKind.Utc), condition.LastTransitionTime.ToUniversalTime());
        Assert.Contains("\"lastTransitionTime\":\"2026-11-20T10:15:30Z\"", KeelJson.Serialize(condition), StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_kinds_are_served_by_KubernetesClient_metadata()
    {
        var deployment = KeelJson.Deserialize<V1Deployment>("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":2,"selector":{},"template":{}}}""");
        Assert.Equal(2, deployment.Spec.Replicas);
    }

    [Fact]
    public void There_is_no_reflection_fallback_for_unknown_types()
    {
        // Every type comes from source-generated metadata (Native AOT); an unregistered type fails fast.
        Assert.ThrowsAny<NotSupportedException>(() => KeelJson.TypeInfo<UnregisteredType>());
        Assert.Throws<InvalidOperationException>(() => KeelJson.Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    [Fact]
    public void A_type_error_names_the_json_path_and_position()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelJson.Deserialize<ModelService>(
            """{"spec":{"routing":{"modelName":"m","ports":[{"name":"http","port":"eighty"}]},"modelArtifacts":{"uri":"hf://a/b"}}}""", "ms.json"));
        Assert.Equal("$.spec.routing.ports[0].port", error.JsonPath);
        Assert.Equal(1, error.Position!.Value.Line);
        Assert.StartsWith("ms.json:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelJson.Deserialize<ModelService>("""{"spec":{"routing":{"modelName":"m"}}}"""));
        Assert.Contains("modelArtifacts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseConfig_parts_keep_template_strings_where_the_kind_wants_integers()
    {
        var json = """{"apiVersion":"llm-d.ai/v1alpha1","kind":"BaseConfig","metadata":{"name":"p"},"spec":{"decodeService":{"spec":{"ports":[{"port":"{{ \"http\" | getPort }}"}]}}}}""";
        var baseConfig = KeelJson.Deserialize<BaseConfig>(json);
        Assert.Equal("{{ \"http\" | getPort }}", baseConfig.Spec.DecodeService!["spec"]!["ports"]![0]!["port"]!.GetValue<string>());
        JsonAssert.Equivalent(JsonNode.Parse(json), KeelJson.SerializeToNode(baseConfig));
    }

    private sealed class UnregisteredType
    {
        public int Value { get; set; }
    }
}
