namespace Keel.Model.Topology;

/// <summary>Every CRD generated in the loaded assemblies (see <see cref="SchemaCatalog"/> for how they register).</summary>
public static class CrdCatalog
{
    private static readonly LazyRegistry<CrdDocument> Registry = new();

    /// <summary>Every registered CRD, ordered by name.</summary>
    public static IReadOnlyList<CrdDocument> All => Registry.Items;

    /// <summary>The CRD named <c>&lt;plural&gt;.&lt;group&gt;</c>, or null.</summary>
    public static CrdDocument? Find(string name) =>
        Registry.Items.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Called by generated code; the factory runs on first use of the catalog.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(Func<IEnumerable<CrdDocument>> factory) =>
        Registry.Add(factory, static items => items.DistinctBy(c => c.Name).OrderBy(c => c.Name, StringComparer.Ordinal));
}
