using k8s;
using Keel.Runtime.Rbac;

namespace Keel.Operator.Rbac;

/// <summary>
/// The ModelService operator's RBAC, derived from its code: <see cref="Describe"/> reads what the real manager and
/// operator declared while they were built (the same construction <c>modelservice run</c> uses), so nothing needs to
/// be started or contacted; <see cref="Manifests"/> lays the permissions out as roles and bindings.
/// </summary>
public static class OperatorRbac
{
    /// <summary>The endpoint picker's ClusterRole default name (<c>--epp-cluster-role</c>).</summary>
    public const string EppClusterRoleName = Keel.Model.Rendering.RenderSettings.DefaultEppClusterRole;

    /// <summary>
    /// Everything <paramref name="modelServiceOperator"/> must be allowed to do, with the reasons: what its manager,
    /// cache, controller, Event recorder and leader election declared while being built, plus
    /// <see cref="ModelServicePermissions"/>. Build the operator exactly as it runs (for a describe without a cluster,
    /// on <see cref="OfflineClient"/>), and do not start it.
    /// </summary>
    public static PermissionSet Describe(ModelServiceOperator modelServiceOperator)
    {
        ArgumentNullException.ThrowIfNull(modelServiceOperator);
        ModelServicePermissions.Declare(modelServiceOperator);
        return modelServiceOperator.Manager.Permissions;
    }

    /// <summary>A client for building an operator that is only described: it points nowhere and is never called.</summary>
    public static Kubernetes OfflineClient() => new(new KubernetesClientConfiguration { Host = "http://offline.invalid" });

    /// <summary>
    /// The operator's roles and bindings for <paramref name="layout"/>, then the endpoint picker's ClusterRole
    /// (<paramref name="eppClusterRole"/>; null leaves it out, for clusters that bring their own).
    /// </summary>
    public static IReadOnlyList<RbacObject> Manifests(PermissionSet permissions, RbacLayout layout, string? eppClusterRole)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(layout);
        var objects = RbacRoles.Build(permissions, layout).ToList();
        if (eppClusterRole is not null)
        {
            objects.Add(RbacRoles.Role(eppClusterRole, null, EndpointPickerPermissions.Create(), layout.Labels));
        }

        return objects;
    }
}
