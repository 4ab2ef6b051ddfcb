using Keel.Model.Serialization;

namespace Keel.Model.Presets;

/// <summary>
/// Names a place in a preset part for messages: <c>preset ConfigMap ns/p, key decodeDeployment, line 12, column 9</c>
/// for template text (positions are in the rendered text), <c>preset BaseConfig ns/p, decodeDeployment.spec.replicas</c>
/// for a typed part.
/// </summary>
internal sealed class PartLocation
{
    private readonly string description;
    private readonly string key;
    private readonly SourceMap? positions;

    public PartLocation(string description, string key, SourceMap? positions)
    {
        this.description = description;
        this.key = key;
        this.positions = positions;
    }

    public string Key => key;

    /// <summary>Whether the part came from template text (positions known) rather than typed JSON.</summary>
    public bool IsText => positions is not null;

    /// <summary>The location of <paramref name="jsonPath"/> (<c>$.spec.replicas</c>) in the part, as a message prefix.</summary>
    public string At(string jsonPath)
    {
        if (positions is not null)
        {
            var position = positions.Find(jsonPath);
            return position is { } p ? $"{description}, key {key}, line {p.Line}, column {p.Column}" : $"{description}, key {key}";
        }

        var field = Display(jsonPath);
        return field.Length == 0 ? $"{description}, {key}" : $"{description}, {key}.{field}";
    }

    /// <summary>The machine-readable location: <c>preset:decodeDeployment</c> plus the path inside the part.</summary>
    public string Tag(string jsonPath)
    {
        var field = Display(jsonPath);
        return field.Length == 0 ? "preset:" + key : "preset:" + key + "." + field;
    }

    /// <summary><c>$.spec.replicas</c> → <c>spec.replicas</c>; <c>$[0].data</c> → <c>[0].data</c>.</summary>
    public static string Display(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath;

    public static string Property(string parent, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
        return plain ? parent + "." + name : parent + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
