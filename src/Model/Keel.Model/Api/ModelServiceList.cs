using k8s;
using k8s.Models;

namespace Keel.Model.Api;

/// <summary>A list of ModelServices, as the API server answers a list request.</summary>
[KubernetesEntity(Group = ModelService.KubeGroup, ApiVersion = ModelService.KubeApiVersion, Kind = KubeKind, PluralName = ModelService.KubePluralName)]
public sealed class ModelServiceList : IKubernetesObject<V1ListMeta>, IItems<ModelService>
{
    public const string KubeKind = "ModelServiceList";

    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    public V1ListMeta Metadata { get; set; } = new();

    public IList<ModelService> Items { get; set; } = [];
}
