using Keel.Model.Api;

namespace Keel.Model.Presets;

/// <summary>
/// Which preset a ModelService names: kind, namespace (defaulted to the ModelService's) and name. The controller
/// uses it to look the preset up and to index ModelServices by preset (spec 2.3).
/// </summary>
/// <param name="Kind"><see cref="AppliedConfigKinds.ConfigMap"/> or <see cref="AppliedConfigKinds.BaseConfig"/>.</param>
/// <param name="Namespace">The preset's namespace.</param>
/// <param name="Name">The preset's name.</param>
public sealed record PresetReference(string Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";

    /// <summary>
    /// The preset <paramref name="modelService"/> references, or null when it references none. With both references
    /// set (which the CRD rejects) the BaseConfig wins.
    /// </summary>
    /// <param name="modelService">The ModelService.</param>
    /// <param name="defaultNamespace">The namespace of a ModelService without one (a file rendered offline).</param>
    public static PresetReference? For(ModelService modelService, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(modelService);
        var spec = modelService.Spec;
        var ownNamespace = Or(modelService.Metadata?.NamespaceProperty, defaultNamespace);
        if (spec?.BaseConfigRef is { Name: { Length: > 0 } name } baseConfigRef)
        {
            return new PresetReference(AppliedConfigKinds.BaseConfig, Or(baseConfigRef.Namespace, ownNamespace), name);
        }

        if (spec?.BaseConfigMapRef is { Name: { Length: > 0 } mapName } configMapRef)
        {
            return new PresetReference(AppliedConfigKinds.ConfigMap, Or(configMapRef.NamespaceProperty, ownNamespace), mapName);
        }

        return null;
    }

    /// <summary>
    /// Whether a ModelService in <paramref name="modelServiceNamespace"/> may use a preset in <see cref="Namespace"/>
    /// (spec 2.2): the same namespace always; another only when it is one of the trusted preset namespaces.
    /// </summary>
    public bool IsTrusted(string modelServiceNamespace, PresetTrust trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        return string.Equals(Namespace, modelServiceNamespace, StringComparison.Ordinal) || trust.Allows(Namespace);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
