using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Model.Topology;

namespace Keel.ApiServer.Tests.CrdAdmission;

/// <summary>
/// The BaseConfig CRD admits presets with templates where the parts want integers or booleans, partial parts the
/// operator completes, and raw templates; it rejects template keys it does not know or that duplicate a typed part.
/// </summary>
public sealed class BaseConfigAdmissionTests
{
    private static JsonObject Preset(string spec) => OurCrds.Yaml($$"""
        apiVersion: llm-d.ai/v1alpha1
        kind: BaseConfig
        metadata:
          name: preset
          namespace: presets
        spec:
        {{spec}}
        """);

    public static TheoryData<string> Manifests() =>
    [
        .. Directory.GetFiles(Path.Combine(OurCrds.Root, "samples", "manifests"), "baseconfig-*.yaml")
            .Select(p => Path.GetRelativePath(OurCrds.Root, p)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_sample_is_admitted_unchanged(string path)
    {
        var obj = OurCrds.Manifest(path);
        var original = obj.DeepClone();
        var result = OurCrds.Admit(OurCrds.BaseConfig, obj);
        Assert.True(result.IsValid, string.Join("\n", OurCrds.Messages(result)));
        Assert.Empty(result.UnknownFields);

        // Nothing pruned, and no defaults of the parts' kinds injected into a preset (they would override nothing
        // the preset did not say, but they would hide what the preset author wrote).
        Assert.True(JsonNode.DeepEquals(original, obj), obj.ToJsonString());
    }

    [Fact]
    public void Every_validation_rule_compiles()
    {
        // One "typed or template, not both" rule per part that can be both.
        Assert.Equal(10, OurCrds.BaseConfig.ValidationRuleCount);
        Assert.Empty(OurCrds.RuleErrors(OurCrds.BaseConfig));
    }

    [Fact]
    public void Templated_integers_and_booleans_are_admitted_in_typed_parts()
    {
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              decodeDeployment:
                spec:
                  replicas: '{{ .Replicas }}'
                  template:
                    spec:
                      hostNetwork: '{{ if .HostNetwork }}true{{ else }}false{{ end }}'
                      containers:
                        - name: vllm
                          ports:
                            - containerPort: '{{ "http" | getPort }}'
              decodeService:
                spec:
                  ports:
                    - port: '{{ "http" | getPort }}'
                      targetPort: '{{ "http" | getPort }}'
              inferencePool:
                spec:
                  targetPorts:
                    - number: '{{ "http" | getPort }}'
            """));
        Assert.True(result.IsValid, string.Join("\n", OurCrds.Messages(result)));
    }

    [Fact]
    public void Parts_may_leave_out_what_the_operator_forces()
    {
        // The pool's selector and endpoint picker name, the objective's pool: the operator sets them.
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              inferencePool:
                spec:
                  targetPorts:
                    - number: 8000
                  endpointPickerRef:
                    port:
                      number: 9002
              inferenceObjective:
                spec:
                  priority: 10
            """));
        Assert.True(result.IsValid, string.Join("\n", OurCrds.Messages(result)));
    }

    [Fact]
    public void Fields_the_parts_kinds_do_not_have_are_unknown()
    {
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              decodeDeployment:
                spec:
                  replicass: 2
            """));
        Assert.Equal("strict decoding error: unknown field \"spec.decodeDeployment.spec.replicass\"", result.StrictDecodingError);
    }

    [Fact]
    public void Template_keys_must_name_a_part()
    {
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              templates:
                decodeDeploymnet: "kind: Deployment"
            """));
        Assert.Equal("strict decoding error: unknown field \"spec.templates.decodeDeploymnet\"", result.StrictDecodingError);
    }

    [Fact]
    public void A_part_is_typed_or_a_template_not_both()
    {
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              decodeService:
                spec:
                  type: ClusterIP
              templates:
                decodeService: "kind: Service"
                decodeDeployment: "kind: Deployment"
            """));
        Assert.Equal(
            ["spec.templates.decodeService: Invalid value: \"object\": decodeService is given both as a typed part and under templates: keep one"],
            OurCrds.Messages(result));
    }

    [Fact]
    public void The_legacy_inferenceModel_part_is_accepted_as_a_template()
    {
        var result = OurCrds.Admit(OurCrds.BaseConfig, Preset("""
              templates:
                inferenceModel: |
                  apiVersion: inference.networking.x-k8s.io/v1alpha2
                  kind: InferenceModel
                  spec:
                    criticality: Critical
            """));
        Assert.True(result.IsValid, string.Join("\n", OurCrds.Messages(result)));
    }

    [Fact]
    public void The_rules_of_every_generated_CRD_compile()
    {
        // Keel's kinds and the imported upstream kinds (whose list-item and required rules the import writes as CEL).
        var errors = CrdCatalog.All
            .SelectMany(crd => JsonNode.Parse(crd.Json)!["spec"]!["versions"]!.AsArray()
                .SelectMany(v => OurCrds.RuleErrors(StructuralSchema.Parse(v!["schema"]!["openAPIV3Schema"]!.AsObject()))
                    .Select(e => $"{crd.Name}: {e}")))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(CrdCatalog.All, c => c.Name == "httproutes.gateway.networking.k8s.io");
    }
}
