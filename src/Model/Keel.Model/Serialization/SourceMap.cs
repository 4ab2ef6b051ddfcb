namespace Keel.Model.Serialization;

/// <summary>Where each node of a document parsed from YAML came from, by JSON path.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    /// <summary>The name of the source (a file, a preset key) used in error messages; may be null.</summary>
    public string? SourceName { get; }

    public SourceMap(string? sourceName) => SourceName = sourceName;

    internal void Add(string path, SourcePosition position) => _positions[Normalize(path)] = position;

    /// <summary>
    /// The position of the node at <paramref name="jsonPath"/>, or of its nearest ancestor that has one
    /// (System.Text.Json reports some errors on the enclosing object).
    /// </summary>
    public SourcePosition? Find(string? jsonPath)
    {
        if (jsonPath is null)
        {
            return null;
        }

        var segments = JsonPath.Segments(jsonPath).ToList();
        while (true)
        {
            if (_positions.TryGetValue(Join(segments), out var position))
            {
                return position;
            }

            if (segments.Count == 0)
            {
                return null;
            }

            segments.RemoveAt(segments.Count - 1);
        }
    }

    private static string Normalize(string path) => Join(JsonPath.Segments(path));

    private static string Join(IEnumerable<string> segments) => string.Join('\u001f', segments);
}
