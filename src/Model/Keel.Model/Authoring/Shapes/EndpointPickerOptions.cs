namespace Keel.Model.Authoring.Shapes;

/// <summary>How <see cref="EndpointPicker.Deployment"/> shapes the endpoint picker.</summary>
public sealed record EndpointPickerOptions
{
    public const string DefaultImage = "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.5.0";

    public string Image { get; init; } = DefaultImage;

    /// <summary>The ConfigMap holding the plugin configuration, mounted at <c>/config</c>; a template by default.</summary>
    public string ConfigMapName { get; init; } = EndpointPicker.DefaultConfigMapName;

    /// <summary>The configuration file inside that ConfigMap.</summary>
    public string ConfigFile { get; init; } = EndpointPicker.DefaultConfigFile;

    /// <summary>The API group of the pool it serves (<c>--pool-group</c>).</summary>
    public string PoolGroup { get; init; } = "inference.networking.k8s.io";

    /// <summary>Arguments after the pool and configuration flags.</summary>
    public IReadOnlyList<string> Args { get; init; } = ["--zap-encoder", "json"];
}
