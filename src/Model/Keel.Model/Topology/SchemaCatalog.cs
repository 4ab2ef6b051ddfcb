namespace Keel.Model.Topology;

/// <summary>
/// The schemas of every kind the generator saw in the loaded assemblies: the Kubernetes built-in kinds
/// declared with <c>[ExternalRoot]</c> and every custom resource version. Generated code registers its
/// entries from a module initializer, so an assembly's kinds appear once the assembly is loaded.
/// </summary>
public static class SchemaCatalog
{
    private static readonly LazyRegistry<KindSchema> Registry = new();

    /// <summary>Every registered kind, ordered by group, version and kind.</summary>
    public static IReadOnlyList<KindSchema> All => Registry.Items;

    /// <summary>The schema of <paramref name="kind"/> in <paramref name="apiVersion"/> (<c>apps/v1</c>, <c>v1</c>), or null.</summary>
    public static KindSchema? Find(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var schema in Registry.Items)
        {
            if (string.Equals(schema.Kind, kind, StringComparison.Ordinal)
                && string.Equals(schema.ApiVersion, apiVersion, StringComparison.Ordinal))
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>Called by generated code; the factory runs on first use of the catalog.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(Func<IEnumerable<KindSchema>> factory) =>
        Registry.Add(factory, static items => items
            .DistinctBy(s => (s.Group, s.Version, s.Kind)) // the first assembly that registered a kind wins
            .OrderBy(s => s.Group, StringComparer.Ordinal)
            .ThenBy(s => s.Version, StringComparer.Ordinal)
            .ThenBy(s => s.Kind, StringComparer.Ordinal));
}
