using k8s;
using k8s.Models;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Controllers;

/// <summary>Finds the controlling owner of an object (controller-runtime's <c>EnqueueRequestForOwner</c> with <c>OnlyControllerOwner</c>).</summary>
public static class OwnerMapping
{
    /// <summary>
    /// The key of <paramref name="child"/>'s controller owner when that owner is of kind <paramref name="owner"/>
    /// (matched on group and kind; the version may differ). Owners live in the child's namespace, or in none when
    /// the owner kind is cluster-scoped.
    /// </summary>
    public static ObjectKey? ControllerOwnerKey(IKubernetesObject<V1ObjectMeta> child, ResourceInfo owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var reference = KubeObject.ControllerOf(child);
        if (reference is null || reference.Kind != owner.Kind || KubeObject.GroupOf(reference.ApiVersion) != owner.Group || string.IsNullOrEmpty(reference.Name))
        {
            return null;
        }

        var ns = owner.Namespaced ? child.Metadata.NamespaceProperty : null;
        return new ObjectKey(string.IsNullOrEmpty(ns) ? null : ns, reference.Name);
    }
}
