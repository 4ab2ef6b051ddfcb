namespace Keel.Model.Templating.Values;

/// <summary>
/// A Go struct as templates see it: a fixed set of exported fields looked up by exact name.
/// Implementations resolve names with a switch, never reflection.
/// </summary>
public interface ITemplateRecord
{
    /// <summary>The Go type name used by <c>%T</c> and in "can't evaluate field X in type T".</summary>
    string GoTypeName { get; }

    /// <summary>The field names in declaration order (for <c>%v</c> and <c>%+v</c>).</summary>
    IReadOnlyList<string> FieldNames { get; }

    /// <summary>
    /// The fields as Go's encoding/json writes the struct (for <c>toJson</c>, <c>toYaml</c>): each field's json tag name
    /// in declaration order, fields tagged <c>omitempty</c> left out when empty. Without tags: every field by its name.
    /// </summary>
    IEnumerable<KeyValuePair<string, TemplateValue>> JsonFields()
    {
        foreach (var name in FieldNames)
        {
            yield return new(name, TryGetField(name, out var value) ? value : default);
        }
    }

    bool TryGetField(string name, out TemplateValue value);
}
