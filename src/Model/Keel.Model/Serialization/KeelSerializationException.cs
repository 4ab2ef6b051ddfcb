namespace Keel.Model.Serialization;

/// <summary>
/// Input that cannot be read as the expected type: bad YAML or JSON, or a value of the wrong type.
/// The message names the source, the line and column (when known) and the field path.
/// </summary>
public sealed class KeelSerializationException : Exception
{
    public KeelSerializationException(string reason, string? sourceName, SourcePosition? position, string? jsonPath, Exception? inner = null)
        : base(Format(reason, sourceName, position, jsonPath), inner)
    {
        Reason = reason;
        SourceName = sourceName;
        Position = position;
        JsonPath = jsonPath;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file, preset key or other source the text came from, when the caller named it.</summary>
    public string? SourceName { get; }

    /// <summary>Where in the source text, when known.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The JSON path of the offending field (<c>$.spec.routing.ports[0].port</c>), when known.</summary>
    public string? JsonPath { get; }

    /// <summary>The error as a value (for callers that report rather than throw).</summary>
    public SerializationError ToError() => new(Reason, SourceName, Position, JsonPath);

    private static string Format(string reason, string? sourceName, SourcePosition? position, string? jsonPath) =>
        new SerializationError(reason, sourceName, position, jsonPath).ToString();
}
