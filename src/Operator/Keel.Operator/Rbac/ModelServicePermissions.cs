using Keel.Model.Api;
using Keel.Runtime.Rbac;

namespace Keel.Operator.Rbac;

/// <summary>
/// What the ModelService controller needs beyond what its controller declaration implies (the runtime already
/// declares list/watch of ModelServices and presets, apply and prune of the built-in child kinds it owns, Events and
/// the Lease):
/// <list type="bullet">
/// <item>status: the reconciler applies ModelService status through <c>/status</c>;</item>
/// <item>the optional child kinds (InferencePool of both APIs, InferenceObjective, InferenceModel, HTTPRoute): not
/// declared with <c>Owns</c> because their CRDs may be missing, so discovery watches them later; taken from the
/// <see cref="Children.ChildKindCatalog"/>, so a new child kind is in the role the day it is added;</item>
/// <item><c>bind</c> on the endpoint picker's ClusterRole: the EPP RoleBinding children reference it, and the API server
/// lets a RoleBinding grant a role only to whom may <c>bind</c> it (or already holds all of it — which would mean
/// giving the operator every EPP permission in every namespace for nothing).</item>
/// </list>
/// </summary>
public static class ModelServicePermissions
{
    public static void Declare(ModelServiceOperator modelServiceOperator)
    {
        ArgumentNullException.ThrowIfNull(modelServiceOperator);
        var permissions = modelServiceOperator.Manager.Permissions;
        var controller = modelServiceOperator.Controller.Name;

        permissions.ApplyStatus<ModelService>($"controller {controller}: writes ModelService status");

        // The built-in child kinds are declared with Owns (applied and pruned); the optional ones the same way here.
        foreach (var kind in modelServiceOperator.Kinds.Optional)
        {
            var reason = $"controller {controller}: optional child kind (watched once discovery finds its CRD), applied and pruned";
            permissions.ListWatch(kind.Resource, reason).Apply(kind.Resource, reason).Delete(kind.Resource, reason);
        }

        permissions.Require("rbac.authorization.k8s.io", "clusterroles", [KubeVerbs.Bind],
            $"controller {controller}: EPP RoleBindings reference this ClusterRole (--epp-cluster-role)",
            PermissionScope.Watched, [modelServiceOperator.Options.EppClusterRole]);
    }
}
