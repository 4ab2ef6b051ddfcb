using k8s;
using k8s.Models;

namespace Keel.Model.Api;

/// <summary>A list of ModelServices, as the API server answers a list request.</summary>
[KubernetesEntity(Group = ModelService.KubeGroup, ApiVersion = ModelService.KubeApiVersion, Kind = KubeKind, PluralName = ModelService.KubePluralName)]
public sealed class ModelServiceList : IKubernetesObject<V1ListMeta>, IItems<ModelService>
{
    /// <summary>The list kind.</summary>
    public const string KubeKind = "ModelServiceList";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata (resourceVersion, continue).</summary>
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    public IList<ModelService> Items { get; set; } = [];
}
