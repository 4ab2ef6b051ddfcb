using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>A preset that was merged into a ModelService's children, and the version of it that was used.</summary>
public sealed partial class AppliedConfig
{
    /// <summary>The preset's kind: <c>BaseConfig</c> or <c>ConfigMap</c> (legacy).</summary>
    [EnumValues(AppliedConfigKinds.BaseConfig, AppliedConfigKinds.ConfigMap)]
    public required string Kind { get; set; }

    /// <summary>The preset's namespace.</summary>
    public required string Namespace { get; set; }

    /// <summary>The preset's name.</summary>
    public required string Name { get; set; }

    /// <summary>The preset's resourceVersion when it was merged.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>The preset's metadata.generation when it was merged (BaseConfig only; ConfigMaps have none).</summary>
    public long? Generation { get; set; }
}

/// <summary>The kinds an <see cref="AppliedConfig"/> names.</summary>
public static class AppliedConfigKinds
{
    /// <summary>A BaseConfig custom resource.</summary>
    public const string BaseConfig = "BaseConfig";

    /// <summary>A legacy ConfigMap preset.</summary>
    public const string ConfigMap = "ConfigMap";
}
