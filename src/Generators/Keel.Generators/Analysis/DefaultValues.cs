using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
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

        // The API server validates a default against the property's own schema when the CRD is created.
        return Fits(parsed, value, annotations) ?? Satisfies(parsed, annotations);
    }

    /// <summary>Null when the default meets the property's validations (enum, bounds, lengths, counts, pattern).</summary>
    private static string? Satisfies(JsonValue json, PropertyAnnotations annotations)
    {
        switch (json)
        {
            case JsonString s:
                if (!annotations.EnumValues.IsEmpty && !annotations.EnumValues.Contains(s.Value))
                {
                    return "the default is not one of the allowed values " + string.Join(", ", annotations.EnumValues.Select(v => "\"" + v + "\""));
                }

                var length = CodePoints(s.Value);
                if (annotations.MinLength is { } minLength && length < minLength)
                {
                    return "the default is shorter than the minimum length " + Text(minLength);
                }

                if (annotations.MaxLength is { } maxLength && length > maxLength)
                {
                    return "the default is longer than the maximum length " + Text(maxLength);
                }

                return annotations.Pattern is { } pattern && !Matches(pattern, s.Value) ? "the default does not match the pattern " + pattern : null;
            case JsonNumber n when double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                if (annotations.Minimum is { } minimum && (annotations.ExclusiveMinimum ? number <= minimum : number < minimum))
                {
                    return "the default is below the minimum " + JsonValue.FormatNumber(minimum) + (annotations.ExclusiveMinimum ? " (exclusive)" : "");
                }

                if (annotations.Maximum is { } maximum && (annotations.ExclusiveMaximum ? number >= maximum : number > maximum))
                {
                    return "the default is above the maximum " + JsonValue.FormatNumber(maximum) + (annotations.ExclusiveMaximum ? " (exclusive)" : "");
                }

                return annotations.MultipleOf is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(number, factor)) > 1e-9 * Math.Max(1, Math.Abs(number))
                    ? "the default is not a multiple of " + JsonValue.FormatNumber(factor)
                    : null;
            case JsonArray array:
                if (annotations.MinItems is { } minItems && array.Items.Count < minItems)
                {
                    return "the default has fewer than " + Text(minItems) + " items";
                }

                return annotations.MaxItems is { } maxItems && array.Items.Count > maxItems ? "the default has more than " + Text(maxItems) + " items" : null;
            case JsonObject map:
                if (annotations.MinProperties is { } minProperties && map.Count < minProperties)
                {
                    return "the default has fewer than " + Text(minProperties) + " properties";
                }

                return annotations.MaxProperties is { } maxProperties && map.Count > maxProperties ? "the default has more than " + Text(maxProperties) + " properties" : null;
            default:
                return null;
        }
    }

    // Kubernetes counts string lengths in Unicode code points, not UTF-16 units.
    private static int CodePoints(string value) => value.Count(c => !char.IsLowSurrogate(c));

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true; // an invalid pattern is KEEL028's to report
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

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
