using k8s.Models;
using Keel.Model.Api;
using Gateway = Keel.Model.Upstream.Gateway.V1;
using Inference = Keel.Model.Upstream.Inference.V1;
using InferenceX = Keel.Model.Upstream.InferenceX.V1Alpha2;
using LlmdV1Alpha2 = Keel.Model.Upstream.Llmd.V1Alpha2;
using Lws = Keel.Model.Upstream.Lws.V1;

namespace Keel.Model.Serialization;

/// <summary>The kinds <see cref="KindRegistry.Default"/> knows.</summary>
internal static class KnownKinds
{
    public static KindRegistry Create() => new KindRegistry()
        // Keel's kinds.
        .Register<ModelService>()
        .Register<BaseConfig>()
        // Imported upstream kinds.
        .Register<Inference.InferencePool>()
        .Register<InferenceX.InferencePool>()
        .Register<InferenceX.InferenceModel>()
        .Register<LlmdV1Alpha2.InferenceObjective>()
        .Register<Gateway.HTTPRoute>()
        .Register<Lws.LeaderWorkerSet>()
        // Kubernetes built-in kinds the operator reads or writes, or that presets and samples contain.
        .Register<V1ConfigMap>()
        .Register<V1Secret>()
        .Register<V1Service>()
        .Register<V1ServiceAccount>()
        .Register<V1Namespace>()
        .Register<V1Pod>()
        .Register<V1PersistentVolumeClaim>()
        .Register<V1Deployment>()
        .Register<V1StatefulSet>()
        .Register<V1DaemonSet>()
        .Register<V1Role>()
        .Register<V1RoleBinding>()
        .Register<V1ClusterRole>()
        .Register<V1ClusterRoleBinding>()
        .Register<V2HorizontalPodAutoscaler>()
        .Register<V1Lease>()
        .Register<Corev1Event>()
        .Register<V1CustomResourceDefinition>();
}
