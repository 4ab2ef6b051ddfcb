using System.Text.Json.Nodes;

namespace Keel.ApiServer.Tests.CrdAdmission;

/// <summary>
/// The ModelService CRD admits every manifest written for the original API and rejects each invalid input with the
/// message the spec intends (section 1, the rules marked fix included).
/// </summary>
public sealed class ModelServiceAdmissionTests
{
    private const string Valid = """
        apiVersion: llm-d.ai/v1alpha1
        kind: ModelService
        metadata:
          name: opt
          namespace: models
        spec:
          routing:
            modelName: facebook/opt-125m
            ports:
              - name: http
                port: 8000
          modelArtifacts:
            uri: hf://facebook/opt-125m
        """;

    private static JsonObject WithSpec(string path, JsonNode? value)
    {
        var obj = OurCrds.Yaml(Valid);
        JsonNode node = obj["spec"]!;
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            node = node[segment] ??= new JsonObject();
        }

        node[segments[^1]] = value;
        return obj;
    }

    private static string[] Reject(JsonObject obj, JsonObject? old = null)
    {
        var result = OurCrds.Admit(OurCrds.ModelService, obj, old);
        Assert.False(result.IsValid, "expected a rejection of " + obj.ToJsonString());
        return OurCrds.Messages(result);
    }

    public static TheoryData<string> Manifests() =>
    [
        .. Directory.GetFiles(Path.Combine(OurCrds.Root, "samples", "manifests"), "modelservice-*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(OurCrds.Root, "samples"), "modelservice.yaml", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(OurCrds.Root, p)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_sample_is_admitted_without_unknown_fields(string path)
    {
        var result = OurCrds.Admit(OurCrds.ModelService, OurCrds.Manifest(path));
        Assert.True(result.IsValid, string.Join("\n", OurCrds.Messages(result)));
        Assert.Empty(result.UnknownFields);
    }

    [Fact]
    public void Every_validation_rule_compiles()
    {
        // At most one preset reference, modelName immutable, four model URI rules.
        Assert.Equal(6, OurCrds.ModelService.ValidationRuleCount);
        Assert.Empty(OurCrds.RuleErrors(OurCrds.ModelService));
    }

    [Fact]
    public void Defaults_fill_replicas_tensor_and_gateway_group_and_kind()
    {
        var obj = OurCrds.Yaml(Valid);
        obj["spec"]!["decode"] = new JsonObject { ["parallelism"] = new JsonObject() };
        obj["spec"]!["prefill"] = new JsonObject();
        obj["spec"]!["endpointPicker"] = new JsonObject();
        obj["spec"]!["routing"]!["gatewayRefs"] = new JsonArray(new JsonObject { ["name"] = "gw" });
        Assert.True(OurCrds.Admit(OurCrds.ModelService, obj).IsValid);
        Assert.Equal(1, obj["spec"]!["decode"]!["replicas"]!.GetValue<long>());
        Assert.Equal(1, obj["spec"]!["decode"]!["parallelism"]!["tensor"]!.GetValue<long>());
        Assert.Equal(1, obj["spec"]!["prefill"]!["replicas"]!.GetValue<long>());
        Assert.Equal(1, obj["spec"]!["endpointPicker"]!["replicas"]!.GetValue<long>());
        Assert.Equal("gateway.networking.k8s.io", obj["spec"]!["routing"]!["gatewayRefs"]![0]!["group"]!.GetValue<string>());
        Assert.Equal("Gateway", obj["spec"]!["routing"]!["gatewayRefs"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Explicit_null_replicas_stay_accepted_as_in_the_original()
    {
        var obj = WithSpec("decode", new JsonObject { ["replicas"] = null });
        Assert.True(OurCrds.Admit(OurCrds.ModelService, obj).IsValid);
    }

    [Fact]
    public void ModelName_is_immutable()
    {
        var old = OurCrds.Yaml(Valid);
        var changed = WithSpec("routing.modelName", "facebook/opt-350m");
        Assert.Equal(["spec.routing.modelName: Invalid value: \"string\": modelName is immutable"], Reject(changed, old));
        Assert.True(OurCrds.Admit(OurCrds.ModelService, OurCrds.Yaml(Valid), old).IsValid);
    }

    [Fact]
    public void ModelName_is_at_most_256_long()
    {
        Assert.Contains(Reject(WithSpec("routing.modelName", new string('m', 257))), m => m.StartsWith("spec.routing.modelName: Too long", StringComparison.Ordinal) && m.Contains("256", StringComparison.Ordinal));
        Assert.True(OurCrds.Admit(OurCrds.ModelService, WithSpec("routing.modelName", new string('m', 256))).IsValid);
    }

    [Fact]
    public void Routing_and_model_artifacts_are_required()
    {
        var obj = OurCrds.Yaml(Valid);
        obj["spec"]!.AsObject().Remove("routing");
        obj["spec"]!.AsObject().Remove("modelArtifacts");
        var messages = Reject(obj);
        Assert.Contains("spec.routing: Required value", messages);
        Assert.Contains("spec.modelArtifacts: Required value", messages);
    }

    [Fact]
    public void A_model_service_without_spec_is_rejected()
    {
        var obj = OurCrds.Yaml(Valid);
        obj.Remove("spec");
        var messages = Reject(obj);
        Assert.Equal("spec: Required value", messages[0]);

        // As the real server: the CEL rules are skipped on an object the schema already rejects, and it says so.
        Assert.All(messages.Skip(1), m => Assert.Contains("some validation rules were not checked", m, StringComparison.Ordinal));
    }

    [Fact]
    public void A_configmap_preset_reference_accepts_every_object_reference_field_each_optional_as_in_the_original()
    {
        foreach (var reference in new[]
        {
            """{"apiVersion":"v1","kind":"ConfigMap","name":"preset","namespace":"presets","uid":"1","resourceVersion":"2","fieldPath":"data"}""",
            """{"namespace":"presets"}""",
        })
        {
            var admitted = OurCrds.Admit(OurCrds.ModelService, WithSpec("baseConfigMapRef", JsonNode.Parse(reference)));
            Assert.True(admitted.IsValid, reference + ": " + string.Join("; ", OurCrds.Messages(admitted)));
            Assert.Empty(admitted.UnknownFields);
        }
    }

    [Fact]
    public void Ports_must_be_at_least_1()
    {
        Assert.Contains(
            "spec.routing.ports[0].port: Invalid value: 0: spec.routing.ports[0].port in body should be greater than or equal to 1",
            Reject(WithSpec("routing.ports", JsonNode.Parse("""[{"name":"http","port":0}]"""))));
    }

    [Fact]
    public void Port_names_are_unique()
    {
        var messages = Reject(WithSpec("routing.ports", JsonNode.Parse("""[{"name":"http","port":8000},{"name":"http","port":8200}]""")));
        Assert.Contains(messages, m => m.StartsWith("spec.routing.ports[1]: Duplicate value:", StringComparison.Ordinal) && m.Contains("\"http\"", StringComparison.Ordinal));
    }

    [Fact]
    public void At_most_32_gateway_refs()
    {
        var refs = new JsonArray(Enumerable.Range(0, 33).Select(i => (JsonNode?)new JsonObject { ["name"] = $"gw{i}" }).ToArray());
        Assert.Contains("spec.routing.gatewayRefs: Too many: 33: must have at most 32 items", Reject(WithSpec("routing.gatewayRefs", refs)));
    }

    [Theory]
    [InlineData("""{"name":"gw","namespace":"Bad_NS"}""", "spec.routing.gatewayRefs[0].namespace")]
    [InlineData("""{"name":"gw","group":"example.com/bar"}""", "spec.routing.gatewayRefs[0].group")]
    [InlineData("""{"name":"gw","kind":"in/valid"}""", "spec.routing.gatewayRefs[0].kind")]
    [InlineData("""{"name":"gw","sectionName":"Https_Listener"}""", "spec.routing.gatewayRefs[0].sectionName")]
    [InlineData("""{"name":"gw","port":70000}""", "spec.routing.gatewayRefs[0].port")]
    [InlineData("""{"name":""}""", "spec.routing.gatewayRefs[0].name")]
    public void Gateway_refs_follow_the_Gateway_API_validations(string reference, string field)
    {
        var messages = Reject(WithSpec("routing.gatewayRefs", new JsonArray(JsonNode.Parse(reference))));
        Assert.Contains(messages, m => m.StartsWith(field + ": ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("s3://bucket/model", "uri must start with hf://, pvc:// or oci:// (for example hf://facebook/opt-125m)")]
    [InlineData("HF://facebook/opt-125m", "uri must start with hf://, pvc:// or oci:// (for example hf://facebook/opt-125m)")]
    [InlineData("facebook/opt-125m", "uri must start with hf://, pvc:// or oci:// (for example hf://facebook/opt-125m)")]
    [InlineData("hf://facebook", "an hf:// uri names a repository and a model: hf://<repo>/<model>")]
    [InlineData("hf://facebook/", "an hf:// uri names a repository and a model: hf://<repo>/<model>")]
    [InlineData("pvc://claim", "a pvc:// uri names a claim and a path in it: pvc://<claim>/<path>")]
    [InlineData("pvc://claim/", "a pvc:// uri names a claim and a path in it: pvc://<claim>/<path>")]
    [InlineData("oci://", "an oci:// uri names an image: oci://<image reference>")]
    public void Unknown_or_malformed_model_uris_are_rejected_with_a_message(string uri, string message)
    {
        Assert.Equal([$"spec.modelArtifacts.uri: Invalid value: \"string\": {message}"], Reject(WithSpec("modelArtifacts.uri", uri)));
    }

    [Theory]
    [InlineData("hf://facebook/opt-125m")]
    [InlineData("pvc://model-weights/llama/Llama-3.3-70B-Instruct")]
    [InlineData("pvc://claim/model")]
    [InlineData("oci://registry.example.com/models/qwen3:v1")]
    public void Well_formed_model_uris_are_admitted(string uri)
    {
        Assert.True(OurCrds.Admit(OurCrds.ModelService, WithSpec("modelArtifacts.uri", uri)).IsValid);
    }

    [Fact]
    public void Accelerator_types_need_a_non_empty_key_and_a_value()
    {
        var messages = Reject(WithSpec("decode", JsonNode.Parse("""{"acceleratorTypes":{"labelKey":"","labelValues":[]}}""")));
        Assert.Contains("spec.decode.acceleratorTypes.labelKey: Invalid value: \"\": spec.decode.acceleratorTypes.labelKey in body should be at least 1 chars long", messages);
        Assert.Contains("spec.decode.acceleratorTypes.labelValues: Invalid value: 0: spec.decode.acceleratorTypes.labelValues in body should have at least 1 items", messages);
    }

    [Fact]
    public void At_most_one_preset_reference()
    {
        var obj = WithSpec("baseConfigMapRef", new JsonObject { ["name"] = "preset" });
        obj["spec"]!["baseConfigRef"] = new JsonObject { ["name"] = "preset" };
        Assert.Equal(
            ["spec: Invalid value: \"object\": set at most one preset reference: baseConfigMapRef (a ConfigMap) or baseConfigRef (a BaseConfig)"],
            Reject(obj));
    }

    [Fact]
    public void Replicas_cannot_be_negative()
    {
        Assert.Contains(
            "spec.prefill.replicas: Invalid value: -1: spec.prefill.replicas in body should be greater than or equal to 0",
            Reject(WithSpec("prefill", JsonNode.Parse("""{"replicas":-1}"""))));
    }

    [Fact]
    public void Container_fields_outside_section_1_4_are_unknown()
    {
        var result = OurCrds.Admit(OurCrds.ModelService, WithSpec("decode", JsonNode.Parse("""{"containers":[{"name":"vllm","ports":[{"containerPort":8000}]}]}""")));
        Assert.Equal("strict decoding error: unknown field \"spec.decode.containers[0].ports\"", result.StrictDecodingError);
    }

    [Fact]
    public void Status_conditions_are_keyed_by_type()
    {
        var obj = OurCrds.Yaml(Valid);
        obj["status"] = JsonNode.Parse("""
            {"conditions":[
              {"type":"Ready","status":"True","lastTransitionTime":"2026-01-01T00:00:00Z","reason":"R","message":"m"},
              {"type":"Ready","status":"False","lastTransitionTime":"2026-01-01T00:00:00Z","reason":"R","message":"m"}]}
            """);
        Assert.Contains(Reject(obj), m => m.StartsWith("status.conditions[1]: Duplicate value:", StringComparison.Ordinal));
    }
}
