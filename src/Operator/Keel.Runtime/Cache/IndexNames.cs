using k8s;
using k8s.Models;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Cache;

/// <summary>The indexes every cache keeps, and their index functions.</summary>
public static class IndexNames
{
    /// <summary>The uid of the controlling owner (the owner reference with <c>controller: true</c>).</summary>
    public const string ControllerUid = "controller-uid";

    /// <summary>Every label as <c>key=value</c>; <see cref="IObjectCache{T}.List"/> uses it for equality terms.</summary>
    public const string Label = "label";

    /// <summary>The namespace ("" for cluster-scoped objects).</summary>
    public const string Namespace = "namespace";

    internal static IEnumerable<string> ControllerUidOf(IKubernetesObject<V1ObjectMeta> obj)
        => KubeObject.ControllerOf(obj)?.Uid is { Length: > 0 } uid ? [uid] : [];

    internal static IEnumerable<string> LabelsOf(IKubernetesObject<V1ObjectMeta> obj)
        => obj.Metadata?.Labels?.Select(kv => LabelValue(kv.Key, kv.Value)) ?? [];

    internal static IEnumerable<string> NamespaceOf(IKubernetesObject<V1ObjectMeta> obj)
        => [obj.Metadata?.NamespaceProperty ?? ""];

    /// <summary>The value under which <see cref="Label"/> indexes a label.</summary>
    public static string LabelValue(string key, string value) => $"{key}={value}";
}
