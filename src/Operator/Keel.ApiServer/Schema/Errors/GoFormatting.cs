using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Errors;

/// <summary>
/// Go's text renderings that appear inside Kubernetes error messages: <c>strconv.Quote</c> (%q), float %v,
/// <c>encoding/json</c> floats and %#v of unstructured values (<c>map[string]interface {}{"name":"a"}</c>).
/// </summary>
internal static class GoFormatting
{
    /// <summary>Go's <c>strconv.Quote</c>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            var r = rune.Value;
            switch (r)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
            }

            if (IsPrint(rune))
            {
                builder.Append(rune.ToString());
                continue;
            }

            switch (r)
            {
                case 7: builder.Append("\\a"); break;
                case 8: builder.Append("\\b"); break;
                case 12: builder.Append("\\f"); break;
                case 10: builder.Append("\\n"); break;
                case 13: builder.Append("\\r"); break;
                case 9: builder.Append("\\t"); break;
                case 11: builder.Append("\\v"); break;
                default:
                    if (r < ' ' || r == 0x7f)
                    {
                        builder.Append("\\x").Append(r.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (r < 0x10000)
                    {
                        builder.Append("\\u").Append(r.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append("\\U").Append(r.ToString("x8", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value < 0x7f)
        {
            return rune.Value >= ' ';
        }

        if (rune.Value == 0xad)
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }

    /// <summary>Go's <c>%v</c> of a float64 (<c>strconv.FormatFloat(f, 'g', -1, 64)</c>): 1.5, 10, 1e+06, 1e-05.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var (negative, digits, point) = ShortestDigits(value);
        var exponent = point - 1;
        var body = digits == "0"
            ? "0"
            : exponent < -4 || exponent >= 6
                ? Exponential(digits, exponent)
                : Fixed(digits, point);
        return negative ? "-" + body : body;
    }

    /// <summary>Go's <c>encoding/json</c> rendering of a float64: fixed notation unless tiny or huge.</summary>
    public static string JsonFloat(double value)
    {
        var (negative, digits, point) = ShortestDigits(value);
        var abs = Math.Abs(value);
        string body;
        if (digits == "0")
        {
            body = "0";
        }
        else if (abs < 1e-6 || abs >= 1e21)
        {
            body = Exponential(digits, point - 1).Replace("e-0", "e-", StringComparison.Ordinal);
        }
        else
        {
            body = Fixed(digits, point);
        }

        return negative ? "-" + body : body;
    }

    /// <summary>%#v of an unstructured value: <c>map[string]interface {}{"a":1}</c>, <c>[]interface {}{"x"}</c>.</summary>
    public static string GoSyntax(JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case JsonValueKind.Object:
                var parts = node!.AsObject()
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => Quote(p.Key) + ":" + GoSyntax(p.Value));
                return "map[string]interface {}{" + string.Join(", ", parts) + "}";
            case JsonValueKind.Array:
                return "[]interface {}{" + string.Join(", ", node!.AsArray().Select(GoSyntax)) + "}";
            case JsonValueKind.Null:
                return "interface {}(nil)";
            default:
                return Scalar(node!);
        }
    }

    /// <summary>How <c>field.Error.ErrorBody</c> prints a bad value (%q for strings, %v for numbers, %#v otherwise).</summary>
    public static string ErrorValue(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonValueKind.Null => "\"null\"",
        JsonValueKind.Object or JsonValueKind.Array => GoSyntax(node),
        _ => Scalar(node!),
    };

    private static string Scalar(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => Quote(node.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => GoNumber.TryGetInteger(node.AsValue(), out var l)
            ? l.ToString(CultureInfo.InvariantCulture)
            : Float(GoNumber.GetDouble(node.AsValue())),
        _ => "null",
    };

    /// <summary>Shortest round-trip decimal digits of |value| and the decimal point position (value = 0.digits × 10^point).</summary>
    private static (bool Negative, string Digits, int Point) ShortestDigits(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : "";
        var digits = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..];
        point -= leading;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return (negative, "0", 1);
        }

        return (negative, digits, point);
    }

    private static string Exponential(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return mantissa + "e" + sign + magnitude;
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }
}
