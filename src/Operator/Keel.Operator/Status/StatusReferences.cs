using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Runtime.Resources;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferenceObjective = Keel.Model.Upstream.Llmd.V1Alpha2.InferenceObjective;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Operator.Status;

/// <summary>
/// The child references of the status (spec 1.5, fix): a reference is set only while that object exists and is
/// cleared when it does not; the service-account references name the workload ServiceAccount for the roles that run.
/// </summary>
public static class StatusReferences
{
    /// <summary>After an apply: the rendered references, kept only for children that exist now.</summary>
    public static void Write(ModelServiceStatus status, ChildReferences references, IReadOnlyList<ChildState> states)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(states);
        bool Exists(ChildRole role) => states.Any(s => s.Child.Role == role && s.Exists);
        string? If(ChildRole role, string? name) => Exists(role) ? name : null;

        status.PrefillDeploymentRef = If(ChildRole.PrefillDeployment, references.PrefillDeploymentRef);
        status.DecodeDeploymentRef = If(ChildRole.DecodeDeployment, references.DecodeDeploymentRef);
        status.EppDeploymentRef = If(ChildRole.EppDeployment, references.EppDeploymentRef);
        status.HttpRouteRef = If(ChildRole.HttpRoute, references.HttpRouteRef);
        status.InferenceModelRef = If(ChildRole.InferenceModel, references.InferenceModelRef);
        status.InferenceObjectiveRef = If(ChildRole.InferenceObjective, references.InferenceObjectiveRef);
        status.InferencePoolRef = If(ChildRole.InferencePool, references.InferencePoolRef);
        status.PrefillServiceAccountRef = If(ChildRole.WorkloadServiceAccount, references.PrefillServiceAccountRef);
        status.DecodeServiceAccountRef = If(ChildRole.WorkloadServiceAccount, references.DecodeServiceAccountRef);
        status.EppRoleBinding = If(ChildRole.EppRoleBinding, references.EppRoleBinding);
        var configMaps = states.Where(s => s.Child.Role == ChildRole.PresetConfigMap && s.Exists).Select(s => s.Child.Name).ToList();
        status.ConfigMapNames = configMaps.Count == 0 ? null : configMaps;
    }

    /// <summary>
    /// Without a render (the preset or a template is broken, so nothing was applied): the previous references, kept
    /// only for objects that still exist.
    /// </summary>
    public static void Keep(ModelServiceStatus status, ModelServiceStatus? previous, string @namespace, ChildKindCatalog kinds)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(kinds);
        if (previous is null)
        {
            return;
        }

        string? Existing(string? name, params ChildKind[] candidates) =>
            name is not null && candidates.Any(k => k.Peek(new ObjectKey(@namespace, name)) is { Metadata.DeletionTimestamp: null }) ? name : null;

        var deployments = kinds.Of<V1Deployment>();
        var accounts = kinds.Of<V1ServiceAccount>();
        status.PrefillDeploymentRef = Existing(previous.PrefillDeploymentRef, deployments);
        status.DecodeDeploymentRef = Existing(previous.DecodeDeploymentRef, deployments);
        status.EppDeploymentRef = Existing(previous.EppDeploymentRef, deployments);
        status.HttpRouteRef = Existing(previous.HttpRouteRef, kinds.Of<HttpRoute>());
        status.InferenceModelRef = Existing(previous.InferenceModelRef, kinds.Of<InferenceModel>());
        status.InferenceObjectiveRef = Existing(previous.InferenceObjectiveRef, kinds.Of<InferenceObjective>());
        status.InferencePoolRef = Existing(previous.InferencePoolRef, kinds.Of<InferencePool>(), kinds.Of<LegacyInferencePool>());
        status.PrefillServiceAccountRef = Existing(previous.PrefillServiceAccountRef, accounts);
        status.DecodeServiceAccountRef = Existing(previous.DecodeServiceAccountRef, accounts);
        status.EppRoleBinding = Existing(previous.EppRoleBinding, kinds.Of<V1RoleBinding>());
        var configMaps = (previous.ConfigMapNames ?? []).Where(n => Existing(n, kinds.Of<V1ConfigMap>()) is not null).ToList();
        status.ConfigMapNames = configMaps.Count == 0 ? null : configMaps;
    }
}
