using System.Text.Json;
using k8s;
using k8s.Models;

namespace Keel.Runtime.Resources;

/// <summary>Small helpers over KubernetesClient's model types that the runtime and controllers share.</summary>
public static class KubeObject
{
    /// <summary>
    /// A deep copy through KubernetesClient's serializer: what the API server would hand back.
    /// Used to hand cached objects out so callers can never change the cache.
    /// </summary>
    public static T DeepCopy<T>(T obj)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), KubernetesSerializer.Options);
        return (T)JsonSerializer.Deserialize(bytes, obj.GetType(), KubernetesSerializer.Options)!;
    }

    /// <summary>The owner reference with <c>controller: true</c>, if any.</summary>
    public static V1OwnerReference? ControllerOf(IKubernetesObject<V1ObjectMeta> obj)
        => obj?.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);

    /// <summary>An owner reference that makes <paramref name="owner"/> the controller of another object.</summary>
    public static V1OwnerReference ControllerReference(IKubernetesObject<V1ObjectMeta> owner, bool blockOwnerDeletion = true)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var info = ResourceRegistry.Get(owner.GetType());
        return new V1OwnerReference
        {
            ApiVersion = owner.ApiVersion ?? info.ApiVersion,
            Kind = owner.Kind ?? info.Kind,
            Name = owner.Metadata.Name,
            Uid = owner.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = blockOwnerDeletion,
        };
    }

    /// <summary>The API group of an <c>apiVersion</c> string (empty for the core group).</summary>
    public static string GroupOf(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion))
        {
            return "";
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
