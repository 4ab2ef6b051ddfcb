using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>End to end: a realistic CRD is accepted, then ModelServices are admitted, defaulted and rejected with the right causes.</summary>
public sealed class ModelServiceAdmissionTests
{
    private static readonly CustomResourceAdmission Admission = new(StructuralSchema.Parse(ModelServiceCrd.OpenApiSchema()));

    private static AdmissionResult Admit(Action<JsonObject> edit, JsonObject? old = null, FieldValidationMode mode = FieldValidationMode.Warn)
    {
        var obj = ModelServiceCrd.Sample();
        edit(obj["spec"]!.AsObject());
        return Admission.Admit(obj, old, mode);
    }

    [Fact]
    public void The_crd_itself_is_valid()
    {
        Assert.Empty(CustomResourceDefinitionValidation.Validate(ModelServiceCrd.Definition()));
        Assert.Equal(5, StructuralSchema.Parse(ModelServiceCrd.OpenApiSchema()).ValidationRuleCount);
    }

    [Fact]
    public void A_valid_model_service_is_admitted_and_defaulted()
    {
        var obj = ModelServiceCrd.Sample();

        var result = Admission.Admit(obj, null, FieldValidationMode.Strict);

        Assert.True(result.IsValid, string.Join("\n", Messages(result)));
        var spec = obj["spec"]!;
        Assert.Equal(1, spec["decode"]!["parallelism"]!["tensor"]!.GetValue<int>());
        Assert.Equal(2, spec["decode"]!["replicas"]!.GetValue<int>());
        Assert.Equal(1, spec["prefill"]!["replicas"]!.GetValue<int>());
        Assert.Null(spec["prefill"]!["parallelism"]);
        Assert.Equal("""{"name":"inference-gateway","group":"gateway.networking.k8s.io","kind":"Gateway"}""", spec["routing"]!["gatewayRefs"]![0]!.ToJsonString());
    }

    public static TheoryData<string, string, string[]> Rejections => new()
    {
        {
            "unknown URI scheme",
            """{"modelArtifacts":{"uri":"s3://bucket/llama"}}""",
            ["spec.modelArtifacts.uri: Invalid value: \"string\": unsupported model URI s3://bucket/llama: the scheme must be hf://, pvc:// or oci://"]
        },
        {
            "both preset references",
            """{"baseConfigRef":{"name":"gpu"}}""",
            ["spec: Invalid value: \"object\": baseConfigRef and baseConfigMapRef are mutually exclusive"]
        },
        {
            "duplicate port names",
            """{"routing":{"modelName":"m","ports":[{"name":"app_port","port":8000},{"name":"app_port","port":9000}]}}""",
            ["spec.routing.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"app_port\"}"]
        },
        {
            "port below one",
            """{"routing":{"modelName":"m","ports":[{"name":"app_port","port":0}]}}""",
            ["spec.routing.ports[0].port: Invalid value: 0: spec.routing.ports[0].port in body should be greater than or equal to 1"]
        },
        {
            "blank accelerator label key",
            """{"decode":{"acceleratorTypes":{"labelKey":"  ","labelValues":["H100"]}}}""",
            ["spec.decode.acceleratorTypes.labelKey: Required value: labelKey must not be blank"]
        },
        {
            "no accelerator label values",
            """{"decode":{"acceleratorTypes":{"labelKey":"gpu","labelValues":[]}}}""",
            ["spec.decode.acceleratorTypes.labelValues: Invalid value: 0: spec.decode.acceleratorTypes.labelValues in body should have at least 1 items"]
        },
        {
            "model name too long",
            "{\"routing\":{\"modelName\":\"" + new string('m', 257) + "\"}}",
            [
                "spec.routing.modelName: Too long: may not be more than 256 bytes",
                "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
            ]
        },
        {
            "gateway namespace pattern and port range",
            """{"routing":{"modelName":"m","gatewayRefs":[{"name":"gw","namespace":"Team_A","port":70000}]}}""",
            [
                "spec.routing.gatewayRefs[0].namespace: Invalid value: \"Team_A\": spec.routing.gatewayRefs[0].namespace in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'",
                "spec.routing.gatewayRefs[0].port: Invalid value: 70000: spec.routing.gatewayRefs[0].port in body should be less than or equal to 65535",
            ]
        },
        {
            "gateway kind pattern and empty name",
            """{"routing":{"modelName":"m","gatewayRefs":[{"name":"","kind":"9Gateway"}]}}""",
            [
                "spec.routing.gatewayRefs[0].kind: Invalid value: \"9Gateway\": spec.routing.gatewayRefs[0].kind in body should match '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$'",
                "spec.routing.gatewayRefs[0].name: Invalid value: \"\": spec.routing.gatewayRefs[0].name in body should be at least 1 chars long",
            ]
        },
        {
            "bad quantity",
            """{"modelArtifacts":{"uri":"hf://a/b","size":"lots"}}""",
            ["spec.modelArtifacts.size: Invalid value: \"lots\": spec.modelArtifacts.size in body should match '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$'"]
        },
        {
            "missing required sections",
            """{"routing":null,"modelArtifacts":null}""",
            [
                "spec.routing: Required value",
                "spec.modelArtifacts: Required value",
                "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Invalid_model_services_are_rejected_with_the_servers_causes(string description, string patch, string[] expected)
    {
        var result = Admit(spec => Merge(spec, JsonNode.Parse(patch)!.AsObject()));

        Assert.True(expected.SequenceEqual(Messages(result)), description + ":\n" + string.Join("\n", Messages(result)));
    }

    [Fact]
    public void Model_name_is_immutable()
    {
        var old = ModelServiceCrd.Sample();
        Admission.Admit(old, null, FieldValidationMode.Warn);

        var result = Admit(spec => spec["routing"]!["modelName"] = "other-model", old);

        Assert.Equal(["spec.routing.modelName: Invalid value: \"string\": modelName is immutable"], Messages(result));
    }

    [Fact]
    public void Unchanged_update_of_a_stored_object_is_admitted()
    {
        var old = ModelServiceCrd.Sample();
        Admission.Admit(old, null, FieldValidationMode.Warn);

        Assert.Empty(Admit(spec => spec["decode"]!["replicas"] = 3, old).Errors);
    }

    [Fact]
    public void Unknown_fields_are_warned_and_dropped_or_rejected_in_strict_mode()
    {
        var warn = Admit(spec => spec["decode"]!["containers"]![0]!["ports"] = new JsonArray(8000));
        var strict = Admit(spec => spec["decode"]!["containers"]![0]!["ports"] = new JsonArray(8000), mode: FieldValidationMode.Strict);

        Assert.Equal(["unknown field \"spec.decode.containers[0].ports\""], warn.Warnings);
        Assert.Empty(warn.Errors);
        Assert.Equal("strict decoding error: unknown field \"spec.decode.containers[0].ports\"", strict.StrictDecodingError);
    }

    [Fact]
    public void Status_updates_are_validated_against_the_status_schema()
    {
        var old = ModelServiceCrd.Sample();
        Admission.Admit(old, null, FieldValidationMode.Warn);
        var obj = (JsonObject)old.DeepClone();
        obj["status"] = JsonNode.Parse("""
            {"prefillReady":"1/1","prefillAvailable":"one",
             "conditions":[{"type":"Ready","status":"Maybe","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"Reconciled","message":""}]}
            """);

        var result = Admission.Admit(obj, old, FieldValidationMode.Warn);

        Assert.Equal(
        [
            "status.prefillAvailable: Invalid value: \"string\": status.prefillAvailable in body must be of type integer: \"string\"",
            "status.conditions[0].status: Unsupported value: \"Maybe\": supported values: \"True\", \"False\", \"Unknown\"",
            "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
        ], Messages(result));
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
