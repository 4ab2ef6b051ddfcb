namespace Keel.Model.Topology;

/// <summary>
/// The per-field topology of every type the generator produced merge code for (see
/// <see cref="SchemaCatalog"/> for how assemblies register). Used by the render command's
/// <c>--explain</c>, by tests, and by anything that needs to know how a field merges.
/// </summary>
public static class TopologyCatalog
{
    private static readonly LazyRegistry<TypeTopology> Registry = new();
    private static Index? index;

    /// <summary>Every registered type (once, from the first assembly that registered it), ordered by full name.</summary>
    public static IReadOnlyList<TypeTopology> All => Registry.Items;

    /// <summary>The topology of <paramref name="type"/>, or null when no generated code covers it.</summary>
    public static TypeTopology? For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var items = Registry.Items;
        var current = index;
        if (current is null || !ReferenceEquals(current.Items, items))
        {
            current = new Index(items, items.ToDictionary(t => t.ClrType));
            index = current;
        }

        return current.ByType.GetValueOrDefault(type);
    }

    /// <summary>
    /// Follows a JSON path from <paramref name="root"/> to the field it names. Paths look like
    /// <c>spec.template.spec.containers[name=vllm].args</c> or the same with a leading dot; item
    /// selectors (<c>[...]</c>, <c>[]</c>, <c>[0]</c>) and map keys (<c>labels.app</c>,
    /// <c>labels['app.kubernetes.io/name']</c>) step into the element. Null when the path leaves the known types.
    /// </summary>
    public static TopologyLookup? Resolve(Type root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var owner = For(root);
        if (owner is null)
        {
            return null;
        }

        TopologyLookup? current = null;
        foreach (var segment in JsonPathSegments.Parse(path))
        {
            if (current is { IntoElement: false, Field.Kind: FieldKind.Map or FieldKind.List })
            {
                // A key or an item selector: step into the element.
                current = current with { IntoElement = true };
                if (segment.IsSelector)
                {
                    continue;
                }

                if (current.Field.Kind is FieldKind.Map)
                {
                    continue; // `labels.app`: the name is the key.
                }
            }

            if (segment.IsSelector)
            {
                return null;
            }

            if (current is not null)
            {
                var next = current.Field.Next;
                owner = next is null ? null : For(next);
                if (owner is null)
                {
                    return null;
                }
            }

            var field = owner.Field(segment.Name);
            if (field is null)
            {
                return null;
            }

            current = new TopologyLookup(owner, field, IntoElement: false);
        }

        return current;
    }

    /// <summary>Called by generated code; the factory runs on first use of the catalog.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(Func<IEnumerable<TypeTopology>> factory) =>
        Registry.Add(factory, static items => items
            .DistinctBy(t => t.ClrType) // two assemblies may generate the same built-in type: the first loaded wins
            .OrderBy(t => t.ClrType.FullName, StringComparer.Ordinal));

    /// <summary>A lookup table built for one snapshot of the registry.</summary>
    private sealed record Index(IReadOnlyList<TypeTopology> Items, Dictionary<Type, TypeTopology> ByType);
}

/// <summary>Where a JSON path ends: the field (and the type that declares it).</summary>
/// <param name="Owner">The type that declares <paramref name="Field"/>.</param>
/// <param name="Field">The last field the path names.</param>
/// <param name="IntoElement">Whether the path goes on into one item of a list or one value of a map.</param>
public sealed record TopologyLookup(TypeTopology Owner, FieldTopology Field, bool IntoElement);
