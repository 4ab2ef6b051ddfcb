using k8s.Models;
using Keel.Model.Merging;

namespace Keel.Model.Rendering;

/// <summary>The endpoint picker's Deployment, Service, ServiceAccount and RoleBinding (spec 5.2, 5.3).</summary>
internal static class EndpointPickerChildren
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static ChildDraft Deployment(RenderContext context, V1Deployment preset)
    {
        var picker = context.Spec.EndpointPicker;
        var section = context.Containers.EndpointPicker;
        var recorder = context.NewRecorder();

        var modelServiceOverlay = Overlays.Deployment(
            replicas: picker?.Replicas,
            template: Overlays.PodTemplate(labels: null, Overlays.PodSpec(section.Containers, section.InitContainers)));
        var trace = recorder.Trace();
        var merged = ObjectMerger.Merge(preset, modelServiceOverlay, trace)!;
        recorder.Merged(trace, RenderLayer.Preset, RenderLayer.ModelService);

        var podLabels = context.EppPodLabels();
        var selector = Selectors.DeploymentSelector(merged.Spec?.Selector, podLabels);
        var operatorOverlay = new V1Deployment
        {
            Metadata = context.ForcedMetadata(context.Names.EppDeployment, podLabels),
            Spec = new V1DeploymentSpec
            {
                Selector = selector,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Selectors.Union(selector.MatchLabels, podLabels) },
                    Spec = new V1PodSpec { ServiceAccountName = context.Names.EppServiceAccount },
                },
            },
        };
        var deployment = OperatorOverlay.Merge(recorder, merged, operatorOverlay, "apps/v1", "Deployment");

        ChildChecks.PodHasRunnableContainers(context, deployment.Spec.Template.Spec, $"the endpoint picker Deployment {context.Names.EppDeployment}", "spec.endpointPicker");
        return new ChildDraft(ChildRole.EppDeployment, deployment, deployment.Metadata, deployment.ApiVersion, deployment.Kind, recorder, ReplicasPolicy.Owned, deployment.Spec.Replicas);
    }

    public static ChildDraft Service(RenderContext context, V1Service preset)
    {
        var podLabels = context.EppPodLabels();
        return ServiceChild.Build(context, ChildRole.EppService, preset, context.ForcedMetadata(context.Names.EppService, podLabels), podLabels);
    }

    /// <summary>A ServiceAccount with the image pull secrets of the operator settings (spec 5.3).</summary>
    public static ChildDraft ServiceAccount(RenderContext context, ChildRole role, string name, IReadOnlyList<string> pullSecrets)
    {
        var recorder = context.NewRecorder();
        var account = new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = context.ForcedMetadata(name),
            // Only when there are secrets: an empty list would be a field the operator owns for nothing.
            ImagePullSecrets = pullSecrets.Count == 0 ? null : pullSecrets.Select(s => new V1LocalObjectReference { Name = s }).ToList(),
        };
        recorder.Wrote(string.Empty, OperatorRules.Forced);
        recorder.Wrote("imagePullSecrets", OperatorRules.Settings);
        return new ChildDraft(role, account, account.Metadata, account.ApiVersion, account.Kind, recorder);
    }

    /// <summary>The RoleBinding of the EPP's ServiceAccount to the ClusterRole the operator settings name (spec 5.3).</summary>
    public static ChildDraft? RoleBinding(RenderContext context)
    {
        var clusterRole = context.Settings.EppClusterRole;
        if (string.IsNullOrWhiteSpace(clusterRole))
        {
            context.Diagnostics.Error(
                RenderReasons.MissingSetting,
                "the preset has an endpoint picker, whose RoleBinding needs the operator setting for the EPP ClusterRole (--epp-cluster-role)",
                "settings.eppClusterRole");
            return null;
        }

        var recorder = context.NewRecorder();
        var binding = new V1RoleBinding
        {
            ApiVersion = RbacGroup + "/v1",
            Kind = "RoleBinding",
            Metadata = context.ForcedMetadata(context.Names.EppRoleBinding),
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = context.Names.EppServiceAccount, NamespaceProperty = context.Namespace }],
            RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "ClusterRole", Name = clusterRole },
        };
        recorder.Wrote(string.Empty, OperatorRules.Forced);
        recorder.Wrote("roleRef.name", OperatorRules.Settings);
        return new ChildDraft(ChildRole.EppRoleBinding, binding, binding.Metadata, binding.ApiVersion, binding.Kind, recorder);
    }
}
