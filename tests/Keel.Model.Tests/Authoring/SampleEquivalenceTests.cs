using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Testing;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Templating;
using Keel.Model.Tests.Api;
using Keel.Model.Tests.Serialization;

namespace Keel.Model.Tests.Authoring;

/// <summary>
/// The C# presets export to the hand-written sample presets: the BaseConfig form parses to the same tree, and every
/// ConfigMap value renders to the same YAML tree for the samples' ModelServices; rendering gives the same children.
/// </summary>
public sealed class SampleEquivalenceTests
{
    public static TheoryData<string> Samples() => ["single-node-hf", "pd-disaggregation"];

    private static Preset PresetFor(string sample) => sample == "single-node-hf" ? new SingleNodePreset() : new PdNixlPreset();

    [Theory]
    [MemberData(nameof(Samples))]
    public void BaseConfig_export_parses_to_the_hand_written_tree(string sample)
    {
        var exported = KeelYaml.ParseSingle(PresetFor(sample).ToBaseConfigYaml()).Root;
        var handWritten = KeelYaml.ParseSingle(File.ReadAllText(Repository.PathOf("samples", sample, "preset-baseconfig.yaml"))).Root;
        JsonAssert.Equivalent(handWritten, exported);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ConfigMap_export_renders_like_the_hand_written_values(string sample)
    {
        var exported = ConfigMap(PresetFor(sample).ToConfigMapYaml());
        var handWritten = ConfigMap(File.ReadAllText(Repository.PathOf("samples", sample, "preset-configmap.yaml")));
        Assert.Equal(handWritten.Metadata.Name, exported.Metadata.Name);
        Assert.Equal(handWritten.Data.Keys.Order(StringComparer.Ordinal), exported.Data.Keys.Order(StringComparer.Ordinal));
        var variables = TemplateVariables.From(PresetTestHost.LoadModelService(File.ReadAllText(Repository.PathOf("samples", sample, "modelservice.yaml"))));
        foreach (var (key, text) in handWritten.Data)
        {
            JsonAssert.Equivalent(Rendered(text, key, variables), Rendered(exported.Data[key], key, variables));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Both_exports_render_the_children_of_the_hand_written_preset(string sample)
    {
        var path = Repository.PathOf("samples", sample, "modelservice.yaml");
        var modelService = PresetTestHost.LoadModelService(File.ReadAllText(path), path);
        var host = new PresetTestHost(PresetFor(sample));
        var expected = ModelServiceRenderer.RenderOnce(new RenderRequest
        {
            ModelService = modelService,
            Preset = PresetSource.From(KeelYaml.Deserialize<Model.Api.BaseConfig>(File.ReadAllText(Repository.PathOf("samples", sample, "preset-baseconfig.yaml")))),
            Settings = host.Settings,
        });
        Assert.True(expected.Succeeded, string.Join("\n", expected.Errors.Select(e => e.Message)));
        foreach (var form in new[] { PresetForm.BaseConfig, PresetForm.ConfigMap })
        {
            var render = host.Render(modelService, form).EnsureSuccess();
            var warnings = render.Result.Warnings.Where(w => w.Reason != RenderReasons.DeprecatedPreset).Select(w => w.Message).ToList();
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));
            Assert.Equal(expected.Children.Select(c => c.Json), render.Children.Select(c => c.Json));
        }
    }

    private static V1ConfigMap ConfigMap(string yaml) => KeelYaml.Deserialize<V1ConfigMap>(yaml);

    private static JsonNode? Rendered(string text, string key, TemplateVariables variables)
    {
        var template = GoTemplate.Parse(key, text);
        Assert.True(template.TryGetValue(out var parsed, out var error), error?.ToString());
        var rendered = parsed!.Execute(variables);
        Assert.True(rendered.TryGetValue(out var output, out var executionError), executionError?.ToString());
        return KeelYaml.ParseSingle(output!, key).Root;
    }
}
