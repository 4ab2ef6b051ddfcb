using System.Reflection;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Authoring.Export;

namespace Keel.Model.Authoring;

/// <summary>
/// A preset written in C#: derive, name it, declare the routing ports it reads and fill its parts. Export it as a
/// BaseConfig (the current form) or as a legacy ConfigMap; test it with <see cref="Testing.PresetTestHost"/>.
/// The presets analyzer checks its template strings at build time.
/// </summary>
/// <example>
/// <code>
/// [RequiresRoutingPort("http")]
/// public sealed class SingleNode : Preset
/// {
///     public override string Name => "preset-single-node";
///     protected override void Configure(PresetParts parts)
///     {
///         parts.DecodeDeployment = Workloads.Deployment(Vllm.Container(new VllmOptions { Image = "vllm/vllm-openai:v0.11.2", Port = Template.Port("http") }));
///     }
/// }
/// </code>
/// </example>
public abstract class Preset
{
    /// <summary>metadata.name of the exported BaseConfig or ConfigMap, the name ModelServices reference.</summary>
    public abstract string Name { get; }

    /// <summary>One or more lines for the exported YAML's header comment, or null.</summary>
    public virtual string? Description => null;

    /// <summary>The routing ports declared with <see cref="RequiresRoutingPortAttribute"/>, in declaration order.</summary>
    public IReadOnlyList<RequiresRoutingPortAttribute> RequiredRoutingPorts =>
        GetType().GetCustomAttributes<RequiresRoutingPortAttribute>(inherit: true).ToList();

    /// <summary>Builds fresh parts (each call gives new objects, so callers may change them).</summary>
    public PresetParts BuildParts()
    {
        var parts = new PresetParts();
        Configure(parts);
        return parts;
    }

    /// <summary>The preset as a BaseConfig object (templates in integer fields are written as template strings).</summary>
    public BaseConfig ToBaseConfig(string? @namespace = null) => PresetExporter.ToBaseConfig(this, @namespace);

    /// <summary>The preset as a legacy ConfigMap whose data values are templates rendering to YAML.</summary>
    public V1ConfigMap ToConfigMap(string? @namespace = null) => PresetExporter.ToConfigMap(this, @namespace);

    /// <summary>The BaseConfig as YAML, with a header comment naming the routing ports it requires.</summary>
    public string ToBaseConfigYaml(string? @namespace = null) => PresetExporter.ToYaml(this, PresetForm.BaseConfig, @namespace);

    /// <summary>The ConfigMap form as YAML, with a header comment naming the routing ports it requires.</summary>
    public string ToConfigMapYaml(string? @namespace = null) => PresetExporter.ToYaml(this, PresetForm.ConfigMap, @namespace);

    /// <summary>Fills the parts.</summary>
    protected abstract void Configure(PresetParts parts);
}

/// <summary>The two ways a preset is published.</summary>
public enum PresetForm
{
    /// <summary>A BaseConfig custom resource (llm-d.ai/v1alpha1), the current form.</summary>
    BaseConfig,

    /// <summary>A ConfigMap whose data values are templates (the original operator's form).</summary>
    ConfigMap,
}
