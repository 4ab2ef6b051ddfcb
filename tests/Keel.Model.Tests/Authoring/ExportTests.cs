using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Export;
using Keel.Model.Authoring.Shapes;
using Keel.Model.Authoring.Testing;
using Keel.Model.Rendering;
using Keel.Model.Serialization;

namespace Keel.Model.Tests.Authoring;

public sealed class ExportTests
{
    private sealed class InlinePreset(Action<PresetParts> configure, string name = "inline") : Preset
    {
        public override string Name => name;

        protected override void Configure(PresetParts parts) => configure(parts);
    }

    private const string ModelService = """
        apiVersion: llm-d.ai/v1alpha1
        kind: ModelService
        metadata:
          name: ms
          namespace: team
        spec:
          routing:
            modelName: facebook/opt-125m
            ports:
              - name: http
                port: 8000
          modelArtifacts:
            uri: hf://facebook/opt-125m
          decode: {}
        """;

    [Fact]
    public void Integer_templates_are_quoted_in_the_BaseConfig_and_bare_in_the_ConfigMap()
    {
        var preset = new InlinePreset(p => p.DecodeService = Workloads.ClusterIpService(Workloads.ServicePort("http", Template.Port("http"))));
        Assert.Contains("port: '{{ \"http\" | getPort }}'", preset.ToBaseConfigYaml(), StringComparison.Ordinal);
        var data = preset.ToConfigMap().Data["decodeService"];
        Assert.Contains("      port: {{ \"http\" | getPort }}\n", data, StringComparison.Ordinal);
        Assert.Equal("{{ \"http\" | getPort }}", preset.ToBaseConfig().Spec.DecodeService!["spec"]!["ports"]![0]!["port"]!.GetValue<string>());
    }

    [Fact]
    public void An_int_template_formatted_as_a_number_is_an_export_error_naming_the_field()
    {
        int port = Template.Port("http");
        var preset = new InlinePreset(p => p.DecodeDeployment = Workloads.Deployment(new V1Container { Name = "vllm", Args = [$"--port={port}"] }));
        var error = Assert.Throws<PresetExportException>(() => preset.ToBaseConfigYaml());
        Assert.Contains("decodeDeployment", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.template.spec.containers[0].args[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Template.Text(value)", error.Message, StringComparison.Ordinal);
        Assert.Throws<PresetExportException>(() => preset.ToConfigMapYaml());
    }

    [Fact]
    public void A_single_quote_inside_an_action_cannot_be_written_in_the_ConfigMap_form()
    {
        var preset = new InlinePreset(p => p.DecodeDeployment = Workloads.Deployment(new V1Container { Name = "vllm", Args = ["{{ printf \"%c\" 'x' }}"] }));
        var error = Assert.Throws<PresetExportException>(() => preset.ToConfigMapYaml());
        Assert.Contains("export the BaseConfig form", error.Message, StringComparison.Ordinal);
        var args = preset.ToBaseConfig().Spec.DecodeDeployment!["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!;
        Assert.Equal("{{ printf \"%c\" 'x' }}", args[0]!.GetValue<string>());
    }

    [Fact]
    public void Raw_template_parts_are_published_verbatim_and_render()
    {
        const string raw = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      {{- if .AuthSecretName }}
                      envFrom:
                        - secretRef:
                            name: {{ .AuthSecretName }}
                      {{- end }}
            """;
        var preset = new InlinePreset(p => p.Templates["decodeDeployment"] = raw);
        Assert.Equal(raw, preset.ToBaseConfig().Spec.Templates!.DecodeDeployment);
        Assert.Equal(raw, preset.ToConfigMap().Data["decodeDeployment"]);
        foreach (var form in new[] { PresetForm.BaseConfig, PresetForm.ConfigMap })
        {
            var render = new PresetTestHost(preset).RenderYaml(ModelService, form).EnsureSuccess();
            var container = render.Get<V1Deployment>(ChildRole.DecodeDeployment).Spec.Template.Spec.Containers.Single();
            Assert.Equal("vllm/vllm-openai:v0.11.2", container.Image);
            Assert.Null(container.EnvFrom);
        }
    }

    [Fact]
    public void Parts_given_twice_or_under_unknown_names_are_rejected()
    {
        var twice = new InlinePreset(p =>
        {
            p.DecodeDeployment = Workloads.Deployment(new V1Container { Name = "vllm" });
            p.Templates["decodeDeployment"] = "kind: Deployment";
        });
        Assert.Contains("both typed and under Templates", Assert.Throws<PresetExportException>(() => twice.ToBaseConfig()).Message, StringComparison.Ordinal);
        var unknown = new InlinePreset(p => p.Templates["decodeDeploymnet"] = "kind: Deployment");
        Assert.Contains("Templates key decodeDeploymnet is not a part name", Assert.Throws<PresetExportException>(() => unknown.ToConfigMap()).Message, StringComparison.Ordinal);
        Assert.Throws<PresetExportException>(() => new InlinePreset(_ => { }, name: "").ToBaseConfig());
    }

    [Fact]
    public void The_BaseConfig_object_and_its_YAML_are_the_same_preset()
    {
        var preset = new SingleNodePreset();
        var fromYaml = KeelYaml.Deserialize<BaseConfig>(preset.ToBaseConfigYaml("presets"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(KeelJson.SerializeToNode(preset.ToBaseConfig("presets")), KeelJson.SerializeToNode(fromYaml)));
        Assert.Equal("presets", fromYaml.Metadata.NamespaceProperty);
        Assert.Equal("preset-single-node", fromYaml.Metadata.Name);
    }

    [Fact]
    public void Each_export_builds_fresh_parts()
    {
        var calls = 0;
        var preset = new InlinePreset(p => { calls++; p.InferenceObjective = Inference.Objective(calls); });
        Assert.Equal(1, preset.ToBaseConfig().Spec.InferenceObjective!["spec"]!["priority"]!.GetValue<int>());
        Assert.Equal(2, preset.ToBaseConfig().Spec.InferenceObjective!["spec"]!["priority"]!.GetValue<int>());
    }
}
