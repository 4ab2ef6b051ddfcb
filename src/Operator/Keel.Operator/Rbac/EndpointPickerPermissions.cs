using Keel.Runtime.Rbac;

namespace Keel.Operator.Rbac;

/// <summary>
/// What the endpoint picker (EPP) needs, from the upstream EPP's documented RBAC (docs/user-guide/render.md, "The
/// endpoint picker's RBAC"): the ClusterRole the operator's EPP RoleBindings grant in each ModelService's namespace
/// (<c>--epp-cluster-role</c>, default <c>modelservice-epp</c>). Declared here, in code, so the shipped role and the
/// docs come from one place.
/// </summary>
public static class EndpointPickerPermissions
{
    private static readonly string[] Read = [KubeVerbs.Get, KubeVerbs.List, KubeVerbs.Watch];

    public static PermissionSet Create()
    {
        var set = new PermissionSet();
        set.Require("", "pods", Read, "the EPP follows the pool's pods (its endpoints)");
        set.Require("inference.networking.k8s.io", "inferencepools", Read, "the EPP reads its InferencePool (v1)");
        set.Require("inference.networking.x-k8s.io", "inferencepools", Read, "the EPP reads its InferencePool (legacy v1alpha2, --pool-api v1alpha2)");
        set.Require("llm-d.ai", "inferenceobjectives", Read, "the EPP reads the pool's InferenceObjectives");
        set.Require("llm-d.ai", "inferencemodelrewrites", Read, "the EPP reads the pool's InferenceModelRewrites");
        set.Require("inference.networking.x-k8s.io", "inferenceobjectives", Read, "EPP images of Gateway API Inference Extension v1.0-v1.5 read InferenceObjectives here");
        set.Require("inference.networking.x-k8s.io", "inferencemodels", Read, "older EPP images read the legacy InferenceModels");
        set.Require("coordination.k8s.io", "leases",
            [KubeVerbs.Get, KubeVerbs.List, KubeVerbs.Watch, KubeVerbs.Create, KubeVerbs.Update, KubeVerbs.Patch, KubeVerbs.Delete],
            "EPP leader election (--ha-enable-leader-election, more than one EPP replica)");
        set.Require("", "events", [KubeVerbs.Create, KubeVerbs.Patch], "EPP leader election records Events");
        set.Require("authentication.k8s.io", "tokenreviews", [KubeVerbs.Create],
            "EPP metrics authentication; cluster-scoped, so only effective through a ClusterRoleBinding", PermissionScope.Cluster);
        set.Require("authorization.k8s.io", "subjectaccessreviews", [KubeVerbs.Create],
            "EPP metrics authorization; cluster-scoped, so only effective through a ClusterRoleBinding", PermissionScope.Cluster);
        return set;
    }
}
