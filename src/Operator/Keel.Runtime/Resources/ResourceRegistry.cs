using System.Collections.Concurrent;
using System.Reflection;
using Keel.Annotations;
using k8s.Models;

namespace Keel.Runtime.Resources;

/// <summary>
/// Resolves the <see cref="ResourceInfo"/> of a C# type, in this order: an explicit <see cref="Register{T}"/>,
/// Keel's <see cref="CustomResourceAttribute"/>, KubernetesClient's <see cref="KubernetesEntityAttribute"/>
/// (every built-in model type carries one). Scope comes from the Keel attribute, or for built-in kinds from
/// the list of Kubernetes' cluster-scoped kinds; anything else is namespaced.
/// </summary>
public static class ResourceRegistry
{
    private static readonly ConcurrentDictionary<Type, ResourceInfo> Known = new();

    // Kubernetes' built-in cluster-scoped kinds (by group/kind); everything else built in is namespaced.
    private static readonly HashSet<string> ClusterScopedBuiltIns = new(StringComparer.Ordinal)
    {
        "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
        "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
        "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
        "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass", "networking.k8s.io/IngressClass",
        "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
        "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
        "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
        "resource.k8s.io/DeviceClass", "resource.k8s.io/ResourceSlice",
        "authentication.k8s.io/TokenReview", "authorization.k8s.io/SubjectAccessReview",
        "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
    };

    /// <summary>Registers (or overrides) where <typeparamref name="T"/> lives.</summary>
    public static void Register<T>(ResourceInfo info) => Known[typeof(T)] = info;

    public static ResourceInfo Get<T>() => Get(typeof(T));

    public static ResourceInfo Get(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Known.GetOrAdd(type, Resolve);
    }

    private static ResourceInfo Resolve(Type type)
    {
        if (type.GetCustomAttribute<CustomResourceAttribute>() is { } custom)
        {
            return new ResourceInfo(custom.Group, custom.Version, custom.Kind,
                custom.Plural ?? DefaultPlural(custom.Kind), custom.Scope == ResourceScope.Namespaced);
        }

        if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity)
        {
            var group = entity.Group ?? "";
            var plural = string.IsNullOrEmpty(entity.PluralName) ? DefaultPlural(entity.Kind) : entity.PluralName;
            var namespaced = !ClusterScopedBuiltIns.Contains($"{group}/{entity.Kind}");
            return new ResourceInfo(group, entity.ApiVersion, entity.Kind, plural, namespaced);
        }

        throw new InvalidOperationException(
            $"{type.FullName} carries neither [CustomResource] nor [KubernetesEntity]; register it with ResourceRegistry.Register<T>().");
    }

    /// <summary>The lower-cased kind made plural with English rules for -s, -x, -z, -ch, -sh and consonant + y (the generator's rule).</summary>
    public static string DefaultPlural(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return lower + "es";
        }

        if (lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
        {
            return lower[..^1] + "ies";
        }

        return lower + "s";
    }
}
