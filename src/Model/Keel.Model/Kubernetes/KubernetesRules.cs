using Keel.Annotations;
using k8s.Models;

namespace Keel.Model.Kubernetes;

// The Kubernetes built-in types cannot carry our attributes, so their topology is declared here once.
// Facts follow Kubernetes' published list types and merge keys (the +listType/+listMapKey/+mapType/
// +structType markers of k8s.io/api, visible as x-kubernetes-* in the API server's OpenAPI v3).
// A list not named here is atomic, as it is for server-side apply. Below the topology come the rules
// only the preset merge uses (modelservice spec section 4.1): Prepend, AtomicReplace, one-of groups.
// docs/user-guide/merge-rules.md lists the outcome per field.

/// <summary>Topology and merge rules of the KubernetesClient model types the operator reads and writes.</summary>
[KubernetesTypeRules]

// Roots: the kinds the operator writes or reads, with everything they reach.
[ExternalRoot(typeof(V1Deployment))]
[ExternalRoot(typeof(V1StatefulSet))]
[ExternalRoot(typeof(V1Service))]
[ExternalRoot(typeof(V1ServiceAccount))]
[ExternalRoot(typeof(V1ConfigMap))]
[ExternalRoot(typeof(V1Secret))]
[ExternalRoot(typeof(V1Namespace), Namespaced = false)]
[ExternalRoot(typeof(V1Pod))]
[ExternalRoot(typeof(Corev1Event))]
[ExternalRoot(typeof(Eventsv1Event))]
[ExternalRoot(typeof(V1Role))]
[ExternalRoot(typeof(V1RoleBinding))]
[ExternalRoot(typeof(V1ClusterRole), Namespaced = false)]
[ExternalRoot(typeof(V1ClusterRoleBinding), Namespaced = false)]
[ExternalRoot(typeof(V1Lease))]
[ExternalRoot(typeof(V1ReplicaSet))]
[ExternalRoot(typeof(V1DaemonSet))]
[ExternalRoot(typeof(V1Job))]
[ExternalRoot(typeof(V1CronJob))]
[ExternalRoot(typeof(V1PersistentVolumeClaim))]
[ExternalRoot(typeof(V2HorizontalPodAutoscaler))]
[ExternalRoot(typeof(V1PodDisruptionBudget))]

// Object metadata.
[ListTopology(typeof(V1ObjectMeta), nameof(V1ObjectMeta.Finalizers), ListTopology.Set)]
[ListMap(typeof(V1ObjectMeta), nameof(V1ObjectMeta.OwnerReferences), "uid")]
[ListTopology(typeof(V1ObjectMeta), nameof(V1ObjectMeta.ManagedFields), ListTopology.Atomic)]
[MapTopology(typeof(V1OwnerReference), null, MapTopology.Atomic)]
[MapTopology(typeof(V1LabelSelector), null, MapTopology.Atomic)]
[ListTopology(typeof(V1LabelSelector), nameof(V1LabelSelector.MatchExpressions), ListTopology.Atomic)]
[ListTopology(typeof(V1LabelSelectorRequirement), nameof(V1LabelSelectorRequirement.Values), ListTopology.Atomic)]

// Pod spec.
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.InitContainers), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.EphemeralContainers), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Volumes), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.ImagePullSecrets), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.HostAliases), "ip")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.TopologySpreadConstraints), "topologyKey", "whenUnsatisfiable")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.ResourceClaims), "name")]
[ListMap(typeof(V1PodSpec), nameof(V1PodSpec.SchedulingGates), "name")]
[ListTopology(typeof(V1PodSpec), nameof(V1PodSpec.Tolerations), ListTopology.Atomic)]
[ListTopology(typeof(V1PodSpec), nameof(V1PodSpec.ReadinessGates), ListTopology.Atomic)]
[MapTopology(typeof(V1PodSpec), nameof(V1PodSpec.NodeSelector), MapTopology.Atomic)]
[ListTopology(typeof(V1HostAlias), nameof(V1HostAlias.Hostnames), ListTopology.Atomic)]
[ListTopology(typeof(V1PodDNSConfig), nameof(V1PodDNSConfig.Nameservers), ListTopology.Atomic)]
[ListTopology(typeof(V1PodDNSConfig), nameof(V1PodDNSConfig.Searches), ListTopology.Atomic)]
[ListTopology(typeof(V1PodDNSConfig), nameof(V1PodDNSConfig.Options), ListTopology.Atomic)]
[ListTopology(typeof(V1PodSecurityContext), nameof(V1PodSecurityContext.SupplementalGroups), ListTopology.Atomic)]
[ListTopology(typeof(V1PodSecurityContext), nameof(V1PodSecurityContext.Sysctls), ListTopology.Atomic)]
[ListTopology(typeof(V1TopologySpreadConstraint), nameof(V1TopologySpreadConstraint.MatchLabelKeys), ListTopology.Atomic)]

// Scheduling: node-selector terms are ORed, so they stay atomic (Kubernetes: NodeSelector is an atomic struct).
[MapTopology(typeof(V1NodeSelector), null, MapTopology.Atomic)]
[ListTopology(typeof(V1NodeSelector), nameof(V1NodeSelector.NodeSelectorTerms), ListTopology.Atomic)]
[ListTopology(typeof(V1NodeSelectorTerm), nameof(V1NodeSelectorTerm.MatchExpressions), ListTopology.Atomic)]
[ListTopology(typeof(V1NodeSelectorTerm), nameof(V1NodeSelectorTerm.MatchFields), ListTopology.Atomic)]
[ListTopology(typeof(V1NodeSelectorRequirement), nameof(V1NodeSelectorRequirement.Values), ListTopology.Atomic)]
[ListTopology(typeof(V1NodeAffinity), nameof(V1NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAffinity), nameof(V1PodAffinity.RequiredDuringSchedulingIgnoredDuringExecution), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAffinity), nameof(V1PodAffinity.PreferredDuringSchedulingIgnoredDuringExecution), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAntiAffinity), nameof(V1PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAntiAffinity), nameof(V1PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAffinityTerm), nameof(V1PodAffinityTerm.Namespaces), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAffinityTerm), nameof(V1PodAffinityTerm.MatchLabelKeys), ListTopology.Atomic)]
[ListTopology(typeof(V1PodAffinityTerm), nameof(V1PodAffinityTerm.MismatchLabelKeys), ListTopology.Atomic)]

// Containers.
[ListMap(typeof(V1Container), nameof(V1Container.Env), "name")]
[ListMap(typeof(V1Container), nameof(V1Container.Ports), "containerPort", "protocol")]
[ListMap(typeof(V1Container), nameof(V1Container.VolumeMounts), "mountPath")]
[ListMap(typeof(V1Container), nameof(V1Container.VolumeDevices), "devicePath")]
[ListTopology(typeof(V1Container), nameof(V1Container.Command), ListTopology.Atomic)]
[ListTopology(typeof(V1Container), nameof(V1Container.Args), ListTopology.Atomic)]
[ListTopology(typeof(V1Container), nameof(V1Container.EnvFrom), ListTopology.Atomic)]
[ListTopology(typeof(V1Container), nameof(V1Container.ResizePolicy), ListTopology.Atomic)]
[ListTopology(typeof(V1Container), nameof(V1Container.RestartPolicyRules), ListTopology.Atomic)]
[ListMap(typeof(V1EphemeralContainer), nameof(V1EphemeralContainer.Env), "name")]
[ListMap(typeof(V1EphemeralContainer), nameof(V1EphemeralContainer.Ports), "containerPort", "protocol")]
[ListMap(typeof(V1EphemeralContainer), nameof(V1EphemeralContainer.VolumeMounts), "mountPath")]
[ListMap(typeof(V1EphemeralContainer), nameof(V1EphemeralContainer.VolumeDevices), "devicePath")]
[DefaultRule(typeof(V1ContainerPort), nameof(V1ContainerPort.Protocol), "\"TCP\"")]
[ListMap(typeof(V1ResourceRequirements), nameof(V1ResourceRequirements.Claims), "name")]
[ListTopology(typeof(V1Capabilities), nameof(V1Capabilities.Add), ListTopology.Atomic)]
[ListTopology(typeof(V1Capabilities), nameof(V1Capabilities.Drop), ListTopology.Atomic)]
[ListTopology(typeof(V1ExecAction), nameof(V1ExecAction.Command), ListTopology.Atomic)]
[ListTopology(typeof(V1HTTPGetAction), nameof(V1HTTPGetAction.HttpHeaders), ListTopology.Atomic)]
[ListTopology(typeof(V1ContainerRestartRuleOnExitCodes), nameof(V1ContainerRestartRuleOnExitCodes.Values), ListTopology.Set)]

// References and selectors Kubernetes marks as atomic structs.
[MapTopology(typeof(V1ObjectFieldSelector), null, MapTopology.Atomic)]
[MapTopology(typeof(V1ResourceFieldSelector), null, MapTopology.Atomic)]
[MapTopology(typeof(V1ConfigMapKeySelector), null, MapTopology.Atomic)]
[MapTopology(typeof(V1SecretKeySelector), null, MapTopology.Atomic)]
[MapTopology(typeof(V1FileKeySelector), null, MapTopology.Atomic)]
[MapTopology(typeof(V1LocalObjectReference), null, MapTopology.Atomic)]
[MapTopology(typeof(V1TypedLocalObjectReference), null, MapTopology.Atomic)]
[MapTopology(typeof(V1ObjectReference), null, MapTopology.Atomic)]

// Volumes.
[ListTopology(typeof(V1ProjectedVolumeSource), nameof(V1ProjectedVolumeSource.Sources), ListTopology.Atomic)]
[ListTopology(typeof(V1ConfigMapVolumeSource), nameof(V1ConfigMapVolumeSource.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1SecretVolumeSource), nameof(V1SecretVolumeSource.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1ConfigMapProjection), nameof(V1ConfigMapProjection.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1SecretProjection), nameof(V1SecretProjection.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1DownwardAPIVolumeSource), nameof(V1DownwardAPIVolumeSource.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1DownwardAPIProjection), nameof(V1DownwardAPIProjection.Items), ListTopology.Atomic)]
[ListTopology(typeof(V1PersistentVolumeClaimSpec), nameof(V1PersistentVolumeClaimSpec.AccessModes), ListTopology.Atomic)]

// Pod status.
[ListMap(typeof(V1PodStatus), nameof(V1PodStatus.Conditions), "type")]
[ListMap(typeof(V1PodStatus), nameof(V1PodStatus.PodIPs), "ip")]
[ListMap(typeof(V1PodStatus), nameof(V1PodStatus.ResourceClaimStatuses), "name")]
[ListMap(typeof(V1PodStatus), nameof(V1PodStatus.VolumeHealth), "name")]
[ListTopology(typeof(V1PodStatus), nameof(V1PodStatus.HostIPs), ListTopology.Atomic)]
[ListTopology(typeof(V1PodStatus), nameof(V1PodStatus.ContainerStatuses), ListTopology.Atomic)]
[ListTopology(typeof(V1PodStatus), nameof(V1PodStatus.InitContainerStatuses), ListTopology.Atomic)]
[ListTopology(typeof(V1PodStatus), nameof(V1PodStatus.EphemeralContainerStatuses), ListTopology.Atomic)]
[ListMap(typeof(V1ContainerStatus), nameof(V1ContainerStatus.VolumeMounts), "mountPath")]
[ListMap(typeof(V1ContainerStatus), nameof(V1ContainerStatus.AllocatedResourcesStatus), "name")]
[ListMap(typeof(V1PodVolumeHealth), nameof(V1PodVolumeHealth.HealthConditions), "status", "reason")]

// Workloads.
[ListMap(typeof(V1DeploymentStatus), nameof(V1DeploymentStatus.Conditions), "type")]
[ListMap(typeof(V1StatefulSetStatus), nameof(V1StatefulSetStatus.Conditions), "type")]
[ListTopology(typeof(V1StatefulSetSpec), nameof(V1StatefulSetSpec.VolumeClaimTemplates), ListTopology.Atomic)]
[ListMap(typeof(V1ReplicaSetStatus), nameof(V1ReplicaSetStatus.Conditions), "type")]
[ListMap(typeof(V1DaemonSetStatus), nameof(V1DaemonSetStatus.Conditions), "type")]
[ListTopology(typeof(V1JobStatus), nameof(V1JobStatus.Conditions), ListTopology.Atomic)]
[ListTopology(typeof(V1UncountedTerminatedPods), nameof(V1UncountedTerminatedPods.Failed), ListTopology.Set)]
[ListTopology(typeof(V1UncountedTerminatedPods), nameof(V1UncountedTerminatedPods.Succeeded), ListTopology.Set)]
[ListTopology(typeof(V1PodFailurePolicy), nameof(V1PodFailurePolicy.Rules), ListTopology.Atomic)]
[ListTopology(typeof(V1PodFailurePolicyRule), nameof(V1PodFailurePolicyRule.OnPodConditions), ListTopology.Atomic)]
[ListTopology(typeof(V1PodFailurePolicyOnExitCodesRequirement), nameof(V1PodFailurePolicyOnExitCodesRequirement.Values), ListTopology.Set)]
[ListTopology(typeof(V1SuccessPolicy), nameof(V1SuccessPolicy.Rules), ListTopology.Atomic)]
[ListTopology(typeof(V1CronJobStatus), nameof(V1CronJobStatus.Active), ListTopology.Atomic)]
[ListTopology(typeof(V2HorizontalPodAutoscalerSpec), nameof(V2HorizontalPodAutoscalerSpec.Metrics), ListTopology.Atomic)]
[ListTopology(typeof(V2HorizontalPodAutoscalerStatus), nameof(V2HorizontalPodAutoscalerStatus.CurrentMetrics), ListTopology.Atomic)]
[ListMap(typeof(V2HorizontalPodAutoscalerStatus), nameof(V2HorizontalPodAutoscalerStatus.Conditions), "type")]
[ListTopology(typeof(V2HPAScalingRules), nameof(V2HPAScalingRules.Policies), ListTopology.Atomic)]
[ListMap(typeof(V1PodDisruptionBudgetStatus), nameof(V1PodDisruptionBudgetStatus.Conditions), "type")]
[ListMap(typeof(V1PersistentVolumeClaimStatus), nameof(V1PersistentVolumeClaimStatus.Conditions), "type")]
[ListTopology(typeof(V1PersistentVolumeClaimStatus), nameof(V1PersistentVolumeClaimStatus.AccessModes), ListTopology.Atomic)]

// Services. Server-side apply keys Service ports by port and protocol; the preset merge keys them by
// name as the ModelService spec (section 4.1) says, because presets refer to ports by name.
[ListMap(typeof(V1ServiceSpec), nameof(V1ServiceSpec.Ports), "port", "protocol", MergeKeys = new[] { "name" })]
[DefaultRule(typeof(V1ServicePort), nameof(V1ServicePort.Protocol), "\"TCP\"")]
[MapTopology(typeof(V1ServiceSpec), nameof(V1ServiceSpec.Selector), MapTopology.Atomic)]
[ListTopology(typeof(V1ServiceSpec), nameof(V1ServiceSpec.ClusterIPs), ListTopology.Atomic)]
[ListTopology(typeof(V1ServiceSpec), nameof(V1ServiceSpec.ExternalIPs), ListTopology.Atomic)]
[ListTopology(typeof(V1ServiceSpec), nameof(V1ServiceSpec.IpFamilies), ListTopology.Atomic)]
[ListTopology(typeof(V1ServiceSpec), nameof(V1ServiceSpec.LoadBalancerSourceRanges), ListTopology.Atomic)]
[ListMap(typeof(V1ServiceStatus), nameof(V1ServiceStatus.Conditions), "type")]
[ListTopology(typeof(V1LoadBalancerStatus), nameof(V1LoadBalancerStatus.Ingress), ListTopology.Atomic)]
[ListTopology(typeof(V1LoadBalancerIngress), nameof(V1LoadBalancerIngress.Ports), ListTopology.Atomic)]

// Service accounts, namespaces, RBAC.
[ListMap(typeof(V1ServiceAccount), nameof(V1ServiceAccount.Secrets), "name")]
[ListTopology(typeof(V1ServiceAccount), nameof(V1ServiceAccount.ImagePullSecrets), ListTopology.Atomic)]
[ListTopology(typeof(V1NamespaceSpec), nameof(V1NamespaceSpec.Finalizers), ListTopology.Atomic)]
[ListMap(typeof(V1NamespaceStatus), nameof(V1NamespaceStatus.Conditions), "type")]
[ListTopology(typeof(V1Role), nameof(V1Role.Rules), ListTopology.Atomic)]
[ListTopology(typeof(V1ClusterRole), nameof(V1ClusterRole.Rules), ListTopology.Atomic)]
[ListTopology(typeof(V1AggregationRule), nameof(V1AggregationRule.ClusterRoleSelectors), ListTopology.Atomic)]
[ListTopology(typeof(V1PolicyRule), nameof(V1PolicyRule.ApiGroups), ListTopology.Atomic)]
[ListTopology(typeof(V1PolicyRule), nameof(V1PolicyRule.Resources), ListTopology.Atomic)]
[ListTopology(typeof(V1PolicyRule), nameof(V1PolicyRule.ResourceNames), ListTopology.Atomic)]
[ListTopology(typeof(V1PolicyRule), nameof(V1PolicyRule.NonResourceURLs), ListTopology.Atomic)]
[ListTopology(typeof(V1PolicyRule), nameof(V1PolicyRule.Verbs), ListTopology.Atomic)]
[ListTopology(typeof(V1RoleBinding), nameof(V1RoleBinding.Subjects), ListTopology.Atomic)]
[ListTopology(typeof(V1ClusterRoleBinding), nameof(V1ClusterRoleBinding.Subjects), ListTopology.Atomic)]
[MapTopology(typeof(V1RoleRef), null, MapTopology.Atomic)]

// Merge-only rules (modelservice spec section 4.1).
// Container args: the model argument a ModelService gives comes before the preset's flags (compat).
[PrependRule(typeof(V1Container), nameof(V1Container.Args))]
// Container command: a non-empty overlay command replaces the base's; an empty one keeps it (compat).
[AtomicReplaceRule(typeof(V1Container), nameof(V1Container.Command), EmptyMeansUnset = true)]
// Setting one member in the overlay clears the others in the base.
[OneOfRule(typeof(V1EnvVar), "value", nameof(V1EnvVar.Value), nameof(V1EnvVar.ValueFrom))]
[OneOfRule(typeof(V1EnvVarSource), "source",
    nameof(V1EnvVarSource.ConfigMapKeyRef), nameof(V1EnvVarSource.FieldRef), nameof(V1EnvVarSource.FileKeyRef),
    nameof(V1EnvVarSource.ResourceFieldRef), nameof(V1EnvVarSource.SecretKeyRef))]
[OneOfRule(typeof(V1EnvFromSource), "source", nameof(V1EnvFromSource.ConfigMapRef), nameof(V1EnvFromSource.SecretRef))]
[OneOfRule(typeof(V1Probe), "handler", nameof(V1Probe.Exec), nameof(V1Probe.HttpGet), nameof(V1Probe.TcpSocket), nameof(V1Probe.Grpc))]
[OneOfRule(typeof(V1LifecycleHandler), "handler", nameof(V1LifecycleHandler.Exec), nameof(V1LifecycleHandler.HttpGet), nameof(V1LifecycleHandler.TcpSocket), nameof(V1LifecycleHandler.Sleep))]
[OneOfRule(typeof(V1VolumeProjection), "source",
    nameof(V1VolumeProjection.ClusterTrustBundle), nameof(V1VolumeProjection.ConfigMap), nameof(V1VolumeProjection.DownwardAPI),
    nameof(V1VolumeProjection.PodCertificate), nameof(V1VolumeProjection.Secret), nameof(V1VolumeProjection.ServiceAccountToken))]
[OneOfRule(typeof(V1Volume), "source",
    nameof(V1Volume.AwsElasticBlockStore), nameof(V1Volume.AzureDisk), nameof(V1Volume.AzureFile), nameof(V1Volume.Cephfs),
    nameof(V1Volume.Cinder), nameof(V1Volume.ConfigMap), nameof(V1Volume.Csi), nameof(V1Volume.DownwardAPI),
    nameof(V1Volume.EmptyDir), nameof(V1Volume.Ephemeral), nameof(V1Volume.Fc), nameof(V1Volume.FlexVolume),
    nameof(V1Volume.Flocker), nameof(V1Volume.GcePersistentDisk), nameof(V1Volume.GitRepo), nameof(V1Volume.Glusterfs),
    nameof(V1Volume.HostPath), nameof(V1Volume.Image), nameof(V1Volume.Iscsi), nameof(V1Volume.Nfs),
    nameof(V1Volume.PersistentVolumeClaim), nameof(V1Volume.PhotonPersistentDisk), nameof(V1Volume.PortworxVolume),
    nameof(V1Volume.Projected), nameof(V1Volume.Quobyte), nameof(V1Volume.Rbd), nameof(V1Volume.ScaleIO),
    nameof(V1Volume.Secret), nameof(V1Volume.Storageos), nameof(V1Volume.VsphereVolume))]
internal static partial class KubernetesRules
{
}
