using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>Spec 2.4: BaseConfig typed parts with templates in string positions, including where an integer or boolean is wanted.</summary>
public sealed class BaseConfigFormTests
{
    private const string Preset = """
        apiVersion: llm-d.ai/v1alpha1
        kind: BaseConfig
        metadata:
          name: preset
          namespace: team
          generation: 3
          resourceVersion: "77"
        spec:
          decodeDeployment:
            spec:
              replicas: '{{ if eq .ModelServiceNamespace "team" }}3{{ else }}1{{ end }}'
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      args: [--port, '{{ "http" | getPort }}']
                      ports: [{containerPort: '{{ "http" | getPort }}'}]
                      readinessProbe:
                        httpGet: {path: /health, port: '{{ "http" | getPort }}'}
                      securityContext:
                        allowPrivilegeEscalation: '{{ eq .ModelServiceNamespace "dev" }}'
          decodeService:
            spec:
              ports: [{name: http, port: '{{ "http" | getPort }}', targetPort: '{{ "http" | getPort }}'}]
        """;

    [Fact]
    public void Templated_integer_and_boolean_positions_become_integers_and_booleans()
    {
        var ms = ModelService(BaseModelService.Replace("  baseConfigMapRef:", "  baseConfigRef:", StringComparison.Ordinal));
        var result = Ok(ms, BaseConfig(Preset));
        var deployment = Json(result, ChildRole.DecodeDeployment);
        Assert.Equal("3", At(deployment, "spec.replicas")!.ToJsonString());
        var vllm = Container(deployment, "vllm");
        Assert.Equal("""["--port","8000"]""", vllm["args"]!.ToJsonString());
        Assert.Equal("""[{"containerPort":8000}]""", vllm["ports"]!.ToJsonString());
        Assert.Equal("8000", At(vllm, "readinessProbe.httpGet.port")!.ToJsonString());
        Assert.Equal("false", At(vllm, "securityContext.allowPrivilegeEscalation")!.ToJsonString());
        Assert.Equal("""[{"name":"http","port":8000,"targetPort":8000}]""", At(Json(result, ChildRole.DecodeService), "spec.ports")!.ToJsonString());

        var applied = Assert.Single(result.AppliedConfigs);
        Assert.Equal(("BaseConfig", "team", "preset", "77", 3L), (applied.Kind, applied.Namespace, applied.Name, applied.ResourceVersion, applied.Generation));
        Assert.DoesNotContain(result.Warnings, w => w.Reason == Keel.Model.Rendering.RenderReasons.DeprecatedPreset);
    }

    [Fact]
    public void A_template_that_does_not_render_an_integer_where_one_is_wanted_is_an_error_with_its_path()
    {
        var error = Assert.Single(Render(ModelService(), BaseConfig(Preset.Replace("'{{ if eq", "'x{{ if eq", StringComparison.Ordinal))).Errors);
        Assert.Equal(RenderReasons.PresetParseError, error.Reason);
        Assert.Equal("preset BaseConfig team/preset, decodeDeployment.spec.replicas: the template renders \"x3\", which is not an integer", error.Message);
    }

    [Fact]
    public void A_template_error_in_a_typed_part_names_the_field_line_and_column()
    {
        var error = Assert.Single(Render(ModelService(), BaseConfig(Preset.Replace("'{{ \"http\" | getPort }}']", "'{{ .Nope }}']", StringComparison.Ordinal))).Errors);
        Assert.Equal(
            "preset BaseConfig team/preset, decodeDeployment.spec.template.spec.containers[0].args[1]: template decodeDeployment.spec.template.spec.containers[0].args[1]:1:4: executing \"{{ .Nope }}\": can't evaluate field Nope in type variables",
            error.Message);
    }

    [Fact]
    public void Unknown_fields_of_typed_parts_are_dropped_and_reported_with_their_path()
    {
        var result = Ok(ModelService(), BaseConfig(Preset.Replace("      replicas: '{{ if", "      replicaz: 2\n      replicas: '{{ if", StringComparison.Ordinal)));
        var warning = Assert.Single(result.Warnings, w => w.Reason == RenderReasons.UnknownField);
        Assert.Equal("preset BaseConfig team/preset, decodeDeployment.spec.replicaz: unknown field \"spec.replicaz\" dropped", warning.Message);
    }

    [Fact]
    public void Raw_template_parts_render_like_configmap_values()
    {
        const string preset = """
            apiVersion: llm-d.ai/v1alpha1
            kind: BaseConfig
            metadata: {name: preset, namespace: team}
            spec:
              templates:
                decodeDeployment: |
                  spec:
                    template:
                      spec:
                        containers:
                          - name: vllm
                            image: vllm/vllm-openai:v0.11.2
                            {{- if .AuthSecretName }}
                            envFrom: [{secretRef: {name: {{ .AuthSecretName }}}}]
                            {{- end }}
                            ports: [{containerPort: {{ "http" | getPort }}}]
                inferenceModel: |
                  spec: {criticality: Sheddable}
            """;
        var result = Ok(ModelService(), BaseConfig(preset));
        Assert.Equal("""[{"containerPort":8000}]""", Container(Json(result, ChildRole.DecodeDeployment), "vllm")["ports"]!.ToJsonString());
        Assert.Null(Container(Json(result, ChildRole.DecodeDeployment), "vllm")["envFrom"]);
        Assert.Equal(-1, Json(result, ChildRole.InferenceObjective)["spec"]!["priority"]!.GetValue<int>());
    }

    [Fact]
    public void A_part_given_both_typed_and_as_a_template_is_an_error()
    {
        var preset = Preset + "\n  templates:\n    decodeService: 'spec: {}'\n";
        Assert.Contains(Render(ModelService(), BaseConfig(preset)).Errors, e => e.Reason == RenderReasons.PresetParseError && e.Location == "preset:decodeService");
    }

    [Fact]
    public void An_empty_baseconfig_is_an_error()
    {
        var error = Assert.Single(Render(ModelService(), BaseConfig("apiVersion: llm-d.ai/v1alpha1\nkind: BaseConfig\nmetadata: {name: preset, namespace: team}\nspec: {}\n")).Errors);
        Assert.Equal(RenderReasons.PresetEmpty, error.Reason);
    }
}
