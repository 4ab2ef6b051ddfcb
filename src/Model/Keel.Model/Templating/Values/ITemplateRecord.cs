namespace Keel.Model.Templating.Values;

/// <summary>
/// A Go struct as templates see it: a fixed set of exported fields looked up by exact name.
/// Implementations resolve names with a switch, never reflection.
/// </summary>
public interface ITemplateRecord
{
    /// <summary>The Go type name used by <c>%T</c> and in "can't evaluate field X in type T".</summary>
    string GoTypeName { get; }

    /// <summary>The field names in declaration order (for <c>%v</c>, <c>%+v</c> and <c>toJson</c>).</summary>
    IReadOnlyList<string> FieldNames { get; }

    bool TryGetField(string name, out TemplateValue value);
}
