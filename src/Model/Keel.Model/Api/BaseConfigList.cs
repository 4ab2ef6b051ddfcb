using k8s;
using k8s.Models;

namespace Keel.Model.Api;

/// <summary>A list of BaseConfigs, as the API server answers a list request.</summary>
[KubernetesEntity(Group = BaseConfig.KubeGroup, ApiVersion = BaseConfig.KubeApiVersion, Kind = KubeKind, PluralName = BaseConfig.KubePluralName)]
public sealed class BaseConfigList : IKubernetesObject<V1ListMeta>, IItems<BaseConfig>
{
    public const string KubeKind = "BaseConfigList";

    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    public V1ListMeta Metadata { get; set; } = new();

    public IList<BaseConfig> Items { get; set; } = [];
}
