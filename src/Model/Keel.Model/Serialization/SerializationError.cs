namespace Keel.Model.Serialization;

/// <summary>Why a text could not be read, and where: <c>preset.yaml:12:7: $.spec.replicas: ...</c>.</summary>
public sealed record SerializationError(string Reason, string? SourceName, SourcePosition? Position, string? JsonPath)
{
    public override string ToString()
    {
        var where = (SourceName, Position) switch
        {
            (not null, { } p) => $"{SourceName}:{p.Line}:{p.Column}: ",
            (null, { } p) => $"line {p.Line}, column {p.Column}: ",
            (not null, null) => $"{SourceName}: ",
            _ => "",
        };
        var field = JsonPath is null or "$" ? "" : $"{JsonPath}: ";
        return where + field + Reason;
    }
}
