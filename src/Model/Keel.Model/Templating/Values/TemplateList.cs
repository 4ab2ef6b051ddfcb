namespace Keel.Model.Templating.Values;

/// <summary>
/// A Go slice: <c>[]interface {}</c> (what <c>list</c> builds), <c>[]string</c> (what <c>splitList</c>
/// and <c>keys</c> build) or <c>[]int</c>. Immutable: sprig's list functions copy.
/// </summary>
public sealed class TemplateList
{
    private static readonly TemplateValue[] NoItems = [];

    public TemplateList(GoKind elementKind, IReadOnlyList<TemplateValue> items, bool isNil = false)
    {
        ElementKind = elementKind;
        Items = items;
        IsNil = isNil;
    }

    /// <summary><see cref="GoKind.Nil"/> means <c>interface {}</c> elements.</summary>
    public GoKind ElementKind { get; }

    public IReadOnlyList<TemplateValue> Items { get; }

    /// <summary>A nil slice (Go distinguishes it from an empty one only for <c>eq</c> against nil).</summary>
    public bool IsNil { get; }

    public int Count => Items.Count;

    public string GoTypeName => "[]" + (ElementKind == GoKind.Nil ? "interface {}" : ElementKind.ScalarTypeName());

    public static TemplateList OfAny(IReadOnlyList<TemplateValue> items) => new(GoKind.Nil, items);

    public static TemplateList OfStrings(IEnumerable<string> items) =>
        new(GoKind.String, items.Select(TemplateValue.FromString).ToArray());

    public static TemplateList EmptyAny { get; } = new(GoKind.Nil, NoItems);
}
