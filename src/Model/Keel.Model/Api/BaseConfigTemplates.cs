namespace Keel.Model.Api;

/// <summary>
/// Parts of a BaseConfig written as raw template text, for templates that produce structure rather than a single
/// value (<c>{{ toYaml .X | nindent 4 }}</c>, fields under <c>{{ if }}</c>, items from <c>{{ range }}</c>). Each value is
/// rendered and read as YAML of its part's kind, exactly as the ConfigMap preset's value of the same key.
/// </summary>
public sealed partial class BaseConfigTemplates
{
    /// <summary>The configMaps part (a YAML list of ConfigMaps) as template text.</summary>
    public string? ConfigMaps { get; set; }

    /// <summary>The prefill Deployment as template text.</summary>
    public string? PrefillDeployment { get; set; }

    /// <summary>The decode Deployment as template text.</summary>
    public string? DecodeDeployment { get; set; }

    /// <summary>The endpoint picker Deployment as template text.</summary>
    public string? EppDeployment { get; set; }

    /// <summary>The prefill Service as template text.</summary>
    public string? PrefillService { get; set; }

    /// <summary>The decode Service as template text.</summary>
    public string? DecodeService { get; set; }

    /// <summary>The endpoint picker Service as template text.</summary>
    public string? EppService { get; set; }

    /// <summary>The HTTPRoute as template text.</summary>
    public string? HttpRoute { get; set; }

    /// <summary>The InferencePool as template text (a legacy v1alpha2 pool is upgraded when read).</summary>
    public string? InferencePool { get; set; }

    /// <summary>The InferenceObjective as template text.</summary>
    public string? InferenceObjective { get; set; }

    /// <summary>The legacy InferenceModel (inference.networking.x-k8s.io/v1alpha2) as template text, read as in the ConfigMap form.</summary>
    public string? InferenceModel { get; set; }
}
