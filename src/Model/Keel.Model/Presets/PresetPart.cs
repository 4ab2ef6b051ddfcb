namespace Keel.Model.Presets;

/// <summary>
/// The parts a preset may hold: the keys of a ConfigMap preset and the typed fields of a BaseConfig
/// (spec sections 2.1 and 2.4). <see cref="InferenceModel"/> is the legacy part; <see cref="InferenceObjective"/>
/// is also accepted as a ConfigMap key (an extension of the original key set).
/// </summary>
public enum PresetPart
{
    /// <summary><c>configMaps</c>: a list of ConfigMaps created as they are.</summary>
    ConfigMaps,

    /// <summary><c>decodeDeployment</c>: apps/v1 Deployment.</summary>
    DecodeDeployment,

    /// <summary><c>prefillDeployment</c>: apps/v1 Deployment, used only when the ModelService sets spec.prefill.</summary>
    PrefillDeployment,

    /// <summary><c>eppDeployment</c>: apps/v1 Deployment of the endpoint picker.</summary>
    EppDeployment,

    /// <summary><c>decodeService</c>: core/v1 Service.</summary>
    DecodeService,

    /// <summary><c>prefillService</c>: core/v1 Service.</summary>
    PrefillService,

    /// <summary><c>eppService</c>: core/v1 Service of the endpoint picker.</summary>
    EppService,

    /// <summary><c>inferencePool</c>: an InferencePool, v1 or the legacy v1alpha2.</summary>
    InferencePool,

    /// <summary><c>inferenceObjective</c>: llm-d.ai/v1alpha2 InferenceObjective.</summary>
    InferenceObjective,

    /// <summary><c>inferenceModel</c>: the legacy inference.networking.x-k8s.io/v1alpha2 InferenceModel.</summary>
    InferenceModel,

    /// <summary><c>httpRoute</c>: gateway.networking.k8s.io/v1 HTTPRoute.</summary>
    HttpRoute,
}

/// <summary>Names of the preset parts as they appear as ConfigMap keys and BaseConfig fields.</summary>
public static class PresetParts
{
    /// <summary>Every part, in the order the render reads them.</summary>
    public static IReadOnlyList<PresetPart> All { get; } = Enum.GetValues<PresetPart>();

    /// <summary>The ConfigMap key / BaseConfig field of <paramref name="part"/> (<c>decodeDeployment</c>).</summary>
    public static string KeyOf(PresetPart part) => part switch
    {
        PresetPart.ConfigMaps => "configMaps",
        PresetPart.DecodeDeployment => "decodeDeployment",
        PresetPart.PrefillDeployment => "prefillDeployment",
        PresetPart.EppDeployment => "eppDeployment",
        PresetPart.DecodeService => "decodeService",
        PresetPart.PrefillService => "prefillService",
        PresetPart.EppService => "eppService",
        PresetPart.InferencePool => "inferencePool",
        PresetPart.InferenceObjective => "inferenceObjective",
        PresetPart.InferenceModel => "inferenceModel",
        PresetPart.HttpRoute => "httpRoute",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>The part a key names (case-sensitive, as the original operator read keys).</summary>
    public static bool TryParse(string key, out PresetPart part)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(KeyOf(candidate), key, StringComparison.Ordinal))
            {
                part = candidate;
                return true;
            }
        }

        part = default;
        return false;
    }
}
