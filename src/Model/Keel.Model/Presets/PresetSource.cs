using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Presets;

/// <summary>
/// The preset object the caller read (from the cluster cache, or a file): a legacy ConfigMap or a BaseConfig.
/// The render never fetches anything itself.
/// </summary>
public abstract record PresetSource
{
    private protected PresetSource()
    {
    }

    /// <summary><see cref="AppliedConfigKinds.ConfigMap"/> or <see cref="AppliedConfigKinds.BaseConfig"/>.</summary>
    public abstract string Kind { get; }

    /// <summary>The preset's metadata.</summary>
    public abstract V1ObjectMeta? Metadata { get; }

    public string Name => Metadata?.Name ?? string.Empty;

    public string? Namespace => Metadata?.NamespaceProperty;

    /// <summary>The entry of status.appliedConfigs for this preset (namespace defaulted to <paramref name="defaultNamespace"/>).</summary>
    public AppliedConfig ToAppliedConfig(string defaultNamespace) => new()
    {
        Kind = Kind,
        Namespace = string.IsNullOrEmpty(Namespace) ? defaultNamespace : Namespace,
        Name = Name,
        ResourceVersion = Metadata?.ResourceVersion,
        Generation = Kind == AppliedConfigKinds.BaseConfig ? Metadata?.Generation : null,
    };

    /// <summary>A preset in the legacy ConfigMap form (spec 2.1).</summary>
    public static PresetSource From(V1ConfigMap configMap) => new ConfigMapPreset(configMap ?? throw new ArgumentNullException(nameof(configMap)));

    /// <summary>A preset in the BaseConfig form (spec 2.4).</summary>
    public static PresetSource From(BaseConfig baseConfig) => new BaseConfigPreset(baseConfig ?? throw new ArgumentNullException(nameof(baseConfig)));
}

/// <summary>A ConfigMap preset.</summary>
public sealed record ConfigMapPreset(V1ConfigMap ConfigMap) : PresetSource
{
    public override string Kind => AppliedConfigKinds.ConfigMap;

    public override V1ObjectMeta? Metadata => ConfigMap.Metadata;
}

/// <summary>A BaseConfig preset.</summary>
public sealed record BaseConfigPreset(BaseConfig BaseConfig) : PresetSource
{
    public override string Kind => AppliedConfigKinds.BaseConfig;

    public override V1ObjectMeta? Metadata => BaseConfig.Metadata;
}
