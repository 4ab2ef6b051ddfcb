namespace Keel.Model.Migration;

/// <summary>The annotations a migrated BaseConfig carries.</summary>
public static class MigrationAnnotations
{
    /// <summary>The source: <c>configmap/&lt;namespace&gt;/&lt;name&gt;</c> (<c>configmap/&lt;name&gt;</c> when the file names no namespace).</summary>
    public const string MigratedFrom = "llm-d.ai/migrated-from";

    /// <summary>The source ConfigMap's <c>metadata.resourceVersion</c>, when known (read from a cluster, or a file written by kubectl get).</summary>
    public const string MigratedFromResourceVersion = "llm-d.ai/migrated-from-resource-version";

    /// <summary>
    /// What had no place in the BaseConfig, one line each: <c>decodeDeployment.spec.foo: "bar" (unknown field: the ConfigMap form dropped it too)</c>.
    /// Present only when something was left out.
    /// </summary>
    public const string Dropped = "llm-d.ai/migration-dropped";

    /// <summary>Annotations of the ConfigMap that are not copied: kubectl's record of the last applied ConfigMap.</summary>
    public static IReadOnlySet<string> NotCopied { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "kubectl.kubernetes.io/last-applied-configuration",
    };
}
