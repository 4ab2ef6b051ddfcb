using System.Linq;
using Keel.Generators.Json;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>Checks that a default written as JSON is a value of the property's type.</summary>
internal static class DefaultValues
{
    /// <summary>Null when <paramref name="json"/> is a valid value for <paramref name="value"/>, else why not.</summary>
    public static string? Check(string json, ValueShape value, PropertyAnnotations annotations, out JsonValue? parsed)
    {
        parsed = JsonParser.TryParse(json, out var error);
        if (parsed is null)
        {
            return "not JSON (" + error + ")";
        }

        if (parsed == JsonLiteral.Null)
        {
            return annotations.Nullable ? null : "null is only a default of a [SchemaNullable] property";
        }

        return Fits(parsed, value, annotations);
    }

    private static string? Fits(JsonValue json, ValueShape value, PropertyAnnotations? annotations)
    {
        if (annotations?.IntOrString == true)
        {
            return json is JsonString || json is JsonNumber { IsInteger: true } ? null : "an int-or-string default must be an integer or a string";
        }

        switch (value.Kind)
        {
            case ValueKind.String:
                return json is JsonString ? null : "a string default must be a JSON string (\"...\")";
            case ValueKind.Boolean:
                return json == JsonLiteral.True || json == JsonLiteral.False ? null : "a boolean default must be true or false";
            case ValueKind.Integer:
                return json is JsonNumber { IsInteger: true } ? null : "an integer default must be a whole JSON number";
            case ValueKind.Number:
                return json is JsonNumber ? null : "a number default must be a JSON number";
            case ValueKind.Enum:
                var allowed = annotations?.EnumValues.IsEmpty == false ? annotations.EnumValues : value.EnumValues;
                return json is JsonString s && allowed.Contains(s.Value)
                    ? null
                    : "an enum default must be one of " + string.Join(", ", allowed.Select(v => "\"" + v + "\""));
            case ValueKind.IntOrString:
                return json is JsonString || json is JsonNumber { IsInteger: true } ? null : "an int-or-string default must be an integer or a string";
            case ValueKind.Quantity:
                return json is JsonString || json is JsonNumber ? null : "a quantity default must be a string or a number";
            case ValueKind.Object:
                return json is JsonObject ? null : "an object default must be a JSON object ({...})";
            case ValueKind.Map:
                if (json is not JsonObject map)
                {
                    return "a map default must be a JSON object";
                }

                return map.Properties.Select(p => Fits(p.Value, value.Element!, null)).FirstOrDefault(e => e is not null);
            case ValueKind.List:
                if (json is not JsonArray array)
                {
                    return "a list default must be a JSON array";
                }

                return array.Items.Select(i => Fits(i, value.Element!, null)).FirstOrDefault(e => e is not null);
            default:
                return null;
        }
    }
}
