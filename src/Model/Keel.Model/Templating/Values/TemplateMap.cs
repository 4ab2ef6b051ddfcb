namespace Keel.Model.Templating.Values;

/// <summary>
/// A Go map with string keys: <c>map[string]interface {}</c> (what <c>dict</c> builds) or
/// <c>map[string]string</c> (what <c>split</c> builds). Mutable, because sprig's <c>set</c>,
/// <c>unset</c> and <c>merge</c> change the map in place and templates rely on that.
/// Iteration order is Go's: keys sorted.
/// </summary>
public sealed class TemplateMap
{
    private readonly Dictionary<string, TemplateValue> entries;

    public TemplateMap(GoKind elementKind = GoKind.Nil, int capacity = 0, bool isNil = false)
    {
        ElementKind = elementKind;
        entries = new Dictionary<string, TemplateValue>(capacity, StringComparer.Ordinal);
        IsNil = isNil;
    }

    /// <summary><see cref="GoKind.Nil"/> means <c>interface {}</c> values.</summary>
    public GoKind ElementKind { get; }

    public bool IsNil { get; }

    public int Count => entries.Count;

    public string GoTypeName => "map[string]" + (ElementKind == GoKind.Nil ? "interface {}" : ElementKind.ScalarTypeName());

    public bool TryGetValue(string key, out TemplateValue value) => entries.TryGetValue(key, out value);

    public bool ContainsKey(string key) => entries.ContainsKey(key);

    public void Set(string key, TemplateValue value) => entries[key] = value;

    public bool Remove(string key) => entries.Remove(key);

    /// <summary>The keys in Go's order: byte-wise (UTF-8) ascending.</summary>
    public string[] SortedKeys()
    {
        var keys = entries.Keys.ToArray();
        Array.Sort(keys, GoStringComparer.Instance);
        return keys;
    }

    /// <summary>The zero value Go's <c>index</c> returns for a missing key.</summary>
    public TemplateValue ZeroElement => ElementKind == GoKind.String ? TemplateValue.EmptyString : TemplateValue.Nil;
}
