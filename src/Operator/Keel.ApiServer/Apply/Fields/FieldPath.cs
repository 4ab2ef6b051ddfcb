using System.Collections.Immutable;

namespace Keel.ApiServer.Apply.Fields;

/// <summary>A path from the object root to a field, list item or set member.</summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    public FieldPath(ImmutableArray<PathElement> elements) => Elements = elements;

    public static FieldPath Root { get; } = new([]);

    public ImmutableArray<PathElement> Elements { get; }

    public FieldPath Append(PathElement element) => new(Elements.Add(element));

    public static FieldPath Of(params string[] fields) => new([.. fields.Select(PathElement.Field)]);

    /// <summary>The path as the API server prints it: <c>.spec.containers[name="vllm"].image</c>.</summary>
    public override string ToString() => string.Concat(Elements.Select(e => e.ToString()));

    public bool Equals(FieldPath? other) => other is not null && Elements.SequenceEqual(other.Elements);

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => Elements.Aggregate(0, (hash, element) => HashCode.Combine(hash, element));
}
