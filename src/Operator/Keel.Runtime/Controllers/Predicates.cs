using k8s;
using k8s.Models;

namespace Keel.Runtime.Controllers;

/// <summary>The usual predicates, and combinators.</summary>
public static class Predicates
{
    /// <summary>
    /// Updates pass only when <c>metadata.generation</c> changed, i.e. the spec changed (status-only and metadata-only
    /// writes are dropped). Kinds that keep no generation (ConfigMap, Secret…) pass on any resourceVersion change.
    /// The default for a controller's primary kind.
    /// </summary>
    public static IPredicate<T> GenerationChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta>
        => new FuncPredicate<T>(update: (o, n) =>
            o.Metadata?.Generation is null or 0 && n.Metadata?.Generation is null or 0
                ? o.Metadata?.ResourceVersion != n.Metadata?.ResourceVersion
                : o.Metadata?.Generation != n.Metadata?.Generation);

    /// <summary>Updates pass when the labels changed.</summary>
    public static IPredicate<T> LabelsChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta>
        => new FuncPredicate<T>(update: (o, n) => !SameMap(o.Metadata?.Labels, n.Metadata?.Labels));

    /// <summary>Updates pass when the annotations changed.</summary>
    public static IPredicate<T> AnnotationsChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta>
        => new FuncPredicate<T>(update: (o, n) => !SameMap(o.Metadata?.Annotations, n.Metadata?.Annotations));

    /// <summary>Updates pass when the resourceVersion changed (anything changed).</summary>
    public static IPredicate<T> ResourceVersionChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta>
        => new FuncPredicate<T>(update: (o, n) => o.Metadata?.ResourceVersion != n.Metadata?.ResourceVersion);

    /// <summary>Every event of an object with these labels passes (on update: either version has them).</summary>
    public static IPredicate<T> HasLabels<T>(IReadOnlyDictionary<string, string> labels)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        bool Has(T obj) => labels.All(kv => obj.Metadata?.Labels?.TryGetValue(kv.Key, out var v) == true && v == kv.Value);
        return new FuncPredicate<T>(Has, (o, n) => Has(o) || Has(n), Has, Has);
    }

    /// <summary>An event passes when any predicate lets it through.</summary>
    public static IPredicate<T> Or<T>(params IPredicate<T>[] predicates)
        => new FuncPredicate<T>(
            o => predicates.Any(p => p.Create(o)),
            (o, n) => predicates.Any(p => p.Update(o, n)),
            o => predicates.Any(p => p.Delete(o)),
            o => predicates.Any(p => p.Generic(o)));

    /// <summary>An event passes when every predicate lets it through.</summary>
    public static IPredicate<T> And<T>(params IPredicate<T>[] predicates)
        => new FuncPredicate<T>(
            o => predicates.All(p => p.Create(o)),
            (o, n) => predicates.All(p => p.Update(o, n)),
            o => predicates.All(p => p.Delete(o)),
            o => predicates.All(p => p.Generic(o)));

    public static IPredicate<T> Not<T>(IPredicate<T> predicate)
        => new FuncPredicate<T>(
            o => !predicate.Create(o),
            (o, n) => !predicate.Update(o, n),
            o => !predicate.Delete(o),
            o => !predicate.Generic(o));

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        return a is null || a.All(kv => b!.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
