using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;

namespace Keel.Model.Authoring.Testing;

/// <summary>
/// Renders a preset written in C# for ModelServices, through the operator's own render pipeline, for the preset
/// author's unit tests. The preset is exported (BaseConfig or ConfigMap form) and read back from that YAML, exactly as
/// the operator would read the published preset, so a test also proves the export.
/// </summary>
/// <example>
/// <code>
/// var host = new PresetTestHost(new SingleNode());
/// var render = host.RenderFile("samples/single-node-hf/modelservice.yaml").EnsureSuccess();
/// var decode = render.Get&lt;V1Deployment&gt;(ChildRole.DecodeDeployment);
/// </code>
/// </example>
public sealed class PresetTestHost
{
    private readonly Preset preset;
    private readonly ModelServiceRenderer renderer = new();

    /// <param name="preset">The preset under test.</param>
    /// <param name="settings">Operator settings; by default the EPP ClusterRole is the installation's (<see cref="RenderSettings.DefaultEppClusterRole"/>).</param>
    public PresetTestHost(Preset preset, RenderSettings? settings = null)
    {
        this.preset = preset ?? throw new ArgumentNullException(nameof(preset));
        Settings = settings ?? RenderSettings.Default with { EppClusterRole = RenderSettings.DefaultEppClusterRole };
    }

    public RenderSettings Settings { get; }

    /// <summary>
    /// Reads a ModelService from YAML as the API server would store it: CRD defaults applied (replicas 1 in a role
    /// section, gateway reference group and kind), namespace <paramref name="namespace"/> when the file has none.
    /// </summary>
    public static ModelService LoadModelService(string yaml, string sourceName = "modelservice.yaml", string @namespace = "default")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var document = KeelYaml.ParseSingle(yaml, sourceName);
        if (document.Root is not JsonObject manifest)
        {
            throw new KeelSerializationException("the ModelService is not a mapping", sourceName, document.Start, null);
        }

        if (manifest["metadata"] is JsonObject metadata && metadata["namespace"] is null)
        {
            metadata["namespace"] = @namespace;
        }

        CrdDefaults.Apply(manifest, $"{ModelService.KubePluralName}.{ModelService.KubeGroup}");
        return KeelJson.Deserialize<ModelService>(manifest, sourceName, document.Positions);
    }

    /// <summary>Renders the ModelService in the file at <paramref name="path"/> against the preset.</summary>
    public PresetRender RenderFile(string path, PresetForm form = PresetForm.BaseConfig) =>
        Render(LoadModelService(File.ReadAllText(path), path), form, path);

    /// <summary>Renders a ModelService given as YAML against the preset.</summary>
    public PresetRender RenderYaml(string modelServiceYaml, PresetForm form = PresetForm.BaseConfig) =>
        Render(LoadModelService(modelServiceYaml), form, "modelservice.yaml");

    /// <summary>
    /// Renders <paramref name="modelService"/> against the preset in <paramref name="form"/>. The ModelService's preset
    /// reference is pointed at this preset (whatever it named), so one sample can be tried against any preset.
    /// </summary>
    public PresetRender Render(ModelService modelService, PresetForm form = PresetForm.BaseConfig, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        var target = KeelJson.Deserialize<ModelService>(KeelJson.SerializeToNode(modelService), "modelservice");
        var @namespace = target.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : "default";
        var source = Export(form, @namespace);
        if (target.Spec is { } spec)
        {
            spec.BaseConfigRef = form == PresetForm.BaseConfig ? new BaseConfigReference { Name = preset.Name } : null;
            spec.BaseConfigMapRef = form == PresetForm.ConfigMap ? new V1ObjectReference { Name = preset.Name } : null;
        }

        var result = renderer.Render(new RenderRequest { ModelService = target, Preset = source, Settings = Settings });
        return new PresetRender(result, description ?? target.Metadata?.Name ?? "ModelService", form);
    }

    /// <summary>The preset exported to YAML and read back, as the operator reads a published preset.</summary>
    private PresetSource Export(PresetForm form, string @namespace)
    {
        var yaml = form == PresetForm.BaseConfig ? preset.ToBaseConfigYaml(@namespace) : preset.ToConfigMapYaml(@namespace);
        return KeelYaml.LoadAll(yaml, $"{preset.Name} ({form})").Single() switch
        {
            V1ConfigMap configMap => PresetSource.From(configMap),
            BaseConfig baseConfig => PresetSource.From(baseConfig),
            var other => throw new InvalidOperationException($"the export gave a {other.GetType().Name}"),
        };
    }
}
