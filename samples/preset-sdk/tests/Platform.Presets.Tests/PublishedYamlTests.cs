using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Testing;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Templating;

namespace Platform.Presets.Tests;

/// <summary>
/// The exported YAML is the hand-written samples' (samples/*/preset-baseconfig.yaml and preset-configmap.yaml), compared
/// semantically (docs/user-guide/preset-sdk.md#export): the BaseConfig form parses to the same tree; each ConfigMap value
/// renders, for the sample's ModelService, to the same YAML tree; and both render the same children.
/// </summary>
public sealed class PublishedYamlTests
{
    public static TheoryData<string, string> Presets() => new()
    {
        { "single-node-hf", "preset-single-node" },
        { "pd-disaggregation", "preset-pd-nixl" },
    };

    private static Preset Find(string name) => PresetCatalog.All.Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(Presets))]
    public void BaseConfig_form_is_the_hand_written_preset(string sample, string preset)
    {
        var exported = KeelYaml.ParseSingle(Find(preset).ToBaseConfigYaml()).Root;
        var handWritten = KeelYaml.ParseSingle(File.ReadAllText(TestSetup.Sample(sample, "preset-baseconfig.yaml"))).Root;
        AssertSameTree(handWritten, exported, $"{sample}/preset-baseconfig.yaml");
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void ConfigMap_form_renders_like_the_hand_written_preset(string sample, string preset)
    {
        var exported = KeelYaml.Deserialize<V1ConfigMap>(Find(preset).ToConfigMapYaml());
        var handWritten = KeelYaml.Deserialize<V1ConfigMap>(File.ReadAllText(TestSetup.Sample(sample, "preset-configmap.yaml")));
        Assert.Equal(handWritten.Metadata.Name, exported.Metadata.Name);
        Assert.Equal(handWritten.Data.Keys.Order(StringComparer.Ordinal), exported.Data.Keys.Order(StringComparer.Ordinal));

        var variables = TemplateVariables.From(PresetTestHost.LoadModelService(File.ReadAllText(TestSetup.Sample(sample, "modelservice.yaml"))));
        foreach (var (key, text) in handWritten.Data)
        {
            AssertSameTree(Render(text, key, variables), Render(exported.Data[key], key, variables), $"{sample}/preset-configmap.yaml data.{key}");
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Both_forms_render_the_children_of_the_hand_written_preset(string sample, string preset)
    {
        var path = TestSetup.Sample(sample, "modelservice.yaml");
        var modelService = PresetTestHost.LoadModelService(File.ReadAllText(path), path);
        var host = new PresetTestHost(Find(preset));
        var handWritten = ModelServiceRenderer.RenderOnce(new RenderRequest
        {
            ModelService = modelService,
            Preset = PresetSource.From(KeelYaml.Deserialize<BaseConfig>(File.ReadAllText(TestSetup.Sample(sample, "preset-baseconfig.yaml")))),
            Settings = host.Settings,
        });
        Assert.True(handWritten.Succeeded, string.Join("\n", handWritten.Errors.Select(e => e.Message)));

        foreach (var form in new[] { PresetForm.BaseConfig, PresetForm.ConfigMap })
        {
            var render = host.Render(modelService, form).EnsureSuccess();
            Assert.Equal(handWritten.Children.Select(c => c.Json), render.Children.Select(c => c.Json));
        }
    }

    [Fact]
    public void The_export_names_the_routing_ports_in_its_header()
    {
        var yaml = new PdNixlPreset().ToBaseConfigYaml();
        Assert.StartsWith("# Preset preset-pd-nixl (BaseConfig form)", yaml, StringComparison.Ordinal);
        Assert.Contains("# Requires the routing ports: `app_port` (pool target: decode sidecar and prefill vLLM), `internal_port` (decode vLLM behind the sidecar).", yaml, StringComparison.Ordinal);
    }

    private static JsonNode? Render(string text, string key, TemplateVariables variables)
    {
        Assert.True(GoTemplate.Parse(key, text).TryGetValue(out var template, out var parseError), parseError?.ToString());
        Assert.True(template.Execute(variables).TryGetValue(out var output, out var error), error?.ToString());
        return KeelYaml.ParseSingle(output, key).Root;
    }

    private static void AssertSameTree(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"{what} differs from the export:\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
}
