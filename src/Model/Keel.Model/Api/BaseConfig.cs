using k8s;
using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// BaseConfig is a preset: partial manifests of the objects a ModelService creates, written once by a platform
/// team and referenced by many ModelServices (spec.baseConfigRef). It replaces the ConfigMap preset. String values
/// may hold templates, which the operator renders for each ModelService before merging the ModelService onto them.
/// Namespaced: a ModelService uses a BaseConfig in its own namespace, or in one of the operator's preset namespaces.
/// </summary>
[CustomResource(LlmdApi.Group, LlmdApi.Version, KubeKind, Plural = KubePluralName, ShortNames = ["bcfg"], Categories = ["llm-d"])]
[PrinterColumn("Age", PrinterColumnType.Date, ".metadata.creationTimestamp")]
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
public sealed partial class BaseConfig : IKubernetesObject<V1ObjectMeta>, ISpec<BaseConfigSpec>
{
    /// <summary>The API group, <c>llm-d.ai</c>.</summary>
    public const string KubeGroup = LlmdApi.Group;

    /// <summary>The version, <c>v1alpha1</c>.</summary>
    public const string KubeApiVersion = LlmdApi.Version;

    /// <summary>The kind, <c>BaseConfig</c>.</summary>
    public const string KubeKind = "BaseConfig";

    /// <summary>The resource (plural) name.</summary>
    public const string KubePluralName = "baseconfigs";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata.</summary>
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The preset's parts.</summary>
    public BaseConfigSpec Spec { get; set; } = new();
}
