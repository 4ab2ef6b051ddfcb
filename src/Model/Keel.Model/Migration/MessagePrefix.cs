using System.Globalization;

namespace Keel.Model.Migration;

/// <summary>
/// Starts every message about one preset the way the render does: <c>preset ConfigMap presets/pd, key
/// decodeDeployment, line 12, column 9</c>, so a person sees the same location from migrate and from the operator.
/// </summary>
internal sealed class MessagePrefix(string description)
{
    /// <summary><c>preset ConfigMap presets/pd</c>.</summary>
    public string Description { get; } = description;

    public string Key(string key) => $"{Description}, key {key}";

    public string At(string key, int line, int column) =>
        $"{Description}, key {key}, line {line.ToString(CultureInfo.InvariantCulture)}, column {column.ToString(CultureInfo.InvariantCulture)}";
}
