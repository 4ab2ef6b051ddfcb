using k8s;
using Keel.Runtime.Hosting;
using Keel.Runtime.Rbac;

namespace Keel.Operator.Rbac;

/// <summary>
/// The ModelService operator's RBAC, derived from its code: <see cref="Describe"/> builds the real manager and
/// operator (the same constructors <c>modelservice run</c> calls) against a client that is never used, and returns
/// what the pieces declared while being built. Nothing is started, nothing is contacted.
/// </summary>
public static class OperatorRbac
{
    /// <summary>The endpoint picker's ClusterRole default name (<c>--epp-cluster-role</c>).</summary>
    public const string EppClusterRoleName = Keel.Model.Rendering.RenderSettings.DefaultEppClusterRole;

    /// <summary>Everything the operator with these settings must be allowed to do, with the reasons.</summary>
    public static PermissionSet Describe(ManagerOptions managerOptions, ModelServiceOperatorOptions operatorOptions)
    {
        ArgumentNullException.ThrowIfNull(managerOptions);
        ArgumentNullException.ThrowIfNull(operatorOptions);

        // A client that is never called: building the manager and the controller contacts no server.
        using var offline = new Kubernetes(new KubernetesClientConfiguration { Host = "http://offline.invalid" });
        var manager = new ControllerManager(offline, managerOptions with { MetricsBindAddress = "0", HealthProbeBindAddress = "0" });
        var modelServiceOperator = new ModelServiceOperator(manager, operatorOptions);
        ModelServicePermissions.Declare(modelServiceOperator);
        modelServiceOperator.Discovery.Dispose();
        return manager.Permissions;
    }

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
