using k8s;
using k8s.Models;

namespace Keel.Model.Api;

/// <summary>A list of BaseConfigs, as the API server answers a list request.</summary>
[KubernetesEntity(Group = BaseConfig.KubeGroup, ApiVersion = BaseConfig.KubeApiVersion, Kind = KubeKind, PluralName = BaseConfig.KubePluralName)]
public sealed class BaseConfigList : IKubernetesObject<V1ListMeta>, IItems<BaseConfig>
{
    /// <summary>The list kind.</summary>
    public const string KubeKind = "BaseConfigList";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    public IList<BaseConfig> Items { get; set; } = [];
}
