namespace Keel.Model.Rendering;

/// <summary>Which layer set a field of a child (spec 2.5). Several flags: both contributed (a prepended list).</summary>
[Flags]
public enum RenderLayer
{
    None = 0,

    /// <summary>The preset (ConfigMap or BaseConfig).</summary>
    Preset = 1,

    /// <summary>The ModelService's spec.</summary>
    ModelService = 2,

    /// <summary>The operator (forced fields, model artifacts, parallelism, settings).</summary>
    Operator = 4,
}

/// <summary>Where one leaf field of a child came from.</summary>
/// <param name="Path">The field, e.g. <c>spec.template.spec.containers[name=vllm].args</c>; map entries as <c>labels['app']</c>.</param>
/// <param name="Layers">The layer (or layers) that set it.</param>
/// <param name="Rule">The merge rule (a <see cref="Topology.MergeStrategy"/> name) or the operator rule (<c>Forced</c>, <c>ModelArtifacts</c>...).</param>
public sealed record FieldProvenance(string Path, RenderLayer Layers, string Rule)
{
    /// <summary><c>preset</c>, <c>ModelService</c>, <c>operator</c>, or <c>ModelService+preset</c>.</summary>
    public string LayerText => Describe(Layers);

    public override string ToString() => $"{Path}: {LayerText} ({Rule})";

    public static string Describe(RenderLayer layers)
    {
        var parts = new List<string>(3);
        if (layers.HasFlag(RenderLayer.Operator))
        {
            parts.Add("operator");
        }

        if (layers.HasFlag(RenderLayer.ModelService))
        {
            parts.Add("ModelService");
        }

        if (layers.HasFlag(RenderLayer.Preset))
        {
            parts.Add("preset");
        }

        return parts.Count == 0 ? "none" : string.Join('+', parts);
    }
}
