using System.Collections.Immutable;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Fields;

/// <summary>
/// A set of field paths stored as a trie, with structured-merge-diff's semantics: set operations are
/// path-wise (a member <c>.a</c> says nothing about <c>.a.b</c>), members and children are kept sorted
/// by <see cref="PathElement"/> order so serialization and iteration are deterministic.
/// Built with <see cref="Insert"/>; the set operations return new sets and never change their inputs.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedSet<PathElement> members = [];
    private readonly SortedDictionary<PathElement, FieldSet> children = [];

    public IReadOnlyCollection<PathElement> Members => members;

    public IReadOnlyDictionary<PathElement, FieldSet> Children => children;

    public bool IsEmpty => members.Count == 0 && children.Count == 0;

    public static FieldSet Of(params FieldPath[] paths)
    {
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path.Elements);
        }
        return set;
    }

    public void Insert(FieldPath path) => Insert(path.Elements);

    public void Insert(ImmutableArray<PathElement> path)
    {
        if (path.IsEmpty)
        {
            return;
        }
        var node = this;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!node.children.TryGetValue(path[i], out var child))
            {
                child = new FieldSet();
                node.children[path[i]] = child;
            }
            node = child;
        }
        node.members.Add(path[^1]);
    }

    public void InsertMember(PathElement element) => members.Add(element);

    /// <summary>Adds a non-empty child set under <paramref name="element"/> (merging with any existing one).</summary>
    public void AddChild(PathElement element, FieldSet child)
    {
        if (child.IsEmpty)
        {
            return;
        }
        children[element] = children.TryGetValue(element, out var existing) ? existing.Union(child) : child;
    }

    public bool Has(FieldPath path)
    {
        var node = this;
        var elements = path.Elements;
        for (var i = 0; i < elements.Length - 1; i++)
        {
            if (!node.children.TryGetValue(elements[i], out node))
            {
                return false;
            }
        }
        return !elements.IsEmpty && node.members.Contains(elements[^1]);
    }

    public bool HasMember(PathElement element) => members.Contains(element);

    /// <summary>The paths under <paramref name="element"/> (without the element itself); empty when none.</summary>
    public FieldSet WithPrefix(PathElement element) => children.TryGetValue(element, out var child) ? child : Empty;

    public static FieldSet Empty { get; } = new();

    public FieldSet Union(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        result.members.UnionWith(other.members);
        foreach (var (element, child) in children)
        {
            result.children[element] = other.children.TryGetValue(element, out var otherChild) ? child.Union(otherChild) : child;
        }
        foreach (var (element, child) in other.children)
        {
            result.children.TryAdd(element, child);
        }
        return result;
    }

    public FieldSet Intersection(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        result.members.IntersectWith(other.members);
        foreach (var (element, child) in children)
        {
            if (other.children.TryGetValue(element, out var otherChild))
            {
                result.AddChild(element, child.Intersection(otherChild));
            }
        }
        return result;
    }

    /// <summary>Paths in this set and not in <paramref name="other"/> (path-wise: removing <c>.a</c> keeps <c>.a.b</c>).</summary>
    public FieldSet Difference(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        result.members.ExceptWith(other.members);
        foreach (var (element, child) in children)
        {
            result.AddChild(element, other.children.TryGetValue(element, out var otherChild) ? child.Difference(otherChild) : child);
        }
        return result;
    }

    /// <summary>Like <see cref="Difference"/>, but a member of <paramref name="other"/> also removes everything under it.</summary>
    public FieldSet RecursiveDifference(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        result.members.ExceptWith(other.members);
        foreach (var (element, child) in children)
        {
            if (other.members.Contains(element))
            {
                continue;
            }
            result.AddChild(element, other.children.TryGetValue(element, out var otherChild) ? child.RecursiveDifference(otherChild) : child);
        }
        return result;
    }

    /// <summary>Only the paths at or under <paramref name="element"/>.</summary>
    public FieldSet OnlyUnder(PathElement element)
    {
        var result = new FieldSet();
        if (members.Contains(element))
        {
            result.members.Add(element);
        }
        if (children.TryGetValue(element, out var child))
        {
            result.children[element] = child;
        }
        return result;
    }

    /// <summary>
    /// Adds, as members, the declared struct fields that only appear as parents of other paths
    /// (structured-merge-diff's EnsureNamedFieldsAreMembers): owning <c>.spec.replicas</c> then also counts
    /// as owning the struct field <c>.spec</c>, but owning a map entry under <c>.metadata.labels</c> does not
    /// make the map key a member.
    /// </summary>
    public FieldSet EnsureNamedFieldsAreMembers(TypeNode? type)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        foreach (var (element, child) in children)
        {
            TypeNode? childType = null;
            if (element.Kind == PathElementKind.Field && type?.Map is { } map)
            {
                childType = map.TypeOf(element.FieldName!);
                if (map.Declares(element.FieldName!))
                {
                    result.members.Add(element);
                }
            }
            else if (element.Kind == PathElementKind.Key && type?.List is { } list)
            {
                childType = list.Element;
            }
            result.AddChild(element, child.EnsureNamedFieldsAreMembers(childType));
        }
        return result;
    }

    /// <summary>Every path, members before children at each level, each level in element order.</summary>
    public IEnumerable<FieldPath> Paths() => Paths(FieldPath.Root);

    private IEnumerable<FieldPath> Paths(FieldPath prefix)
    {
        foreach (var member in members)
        {
            yield return prefix.Append(member);
        }
        foreach (var (element, child) in children)
        {
            foreach (var path in child.Paths(prefix.Append(element)))
            {
                yield return path;
            }
        }
    }

    public bool SetEquals(FieldSet other) =>
        members.SetEquals(other.members)
        && children.Count == other.children.Count
        && children.All(c => other.children.TryGetValue(c.Key, out var o) && c.Value.SetEquals(o));

    public override string ToString() => string.Join("\n", Paths());
}
