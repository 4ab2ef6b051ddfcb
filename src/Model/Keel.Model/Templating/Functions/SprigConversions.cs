using System.Globalization;
using Keel.Model.Templating.Syntax;
using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's conversions, with spf13/cast's rules: an unconvertible value becomes 0, never an error.</summary>
internal static class SprigConversions
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.Of("int", static (_, a) => TemplateValue.FromInt(ToInt64(a[0])), P.Any),
        TemplateFunction.Of("int64", static (_, a) => TemplateValue.FromInt64(ToInt64(a[0])), P.Any),
        TemplateFunction.Of("float64", static (_, a) => TemplateValue.FromFloat(ToFloat64(a[0])), P.Any),
        TemplateFunction.Of("atoi", static (_, a) => TemplateValue.FromInt(Atoi(a[0].AsString)), P.String),
        TemplateFunction.Of("toString", static (c, a) => String(c, StrVal(a[0].Unboxed())), P.Any),
        TemplateFunction.Of("toJson", static (c, a) => String(c, GoJson.TryMarshal(a[0], escapeHtml: true, indent: null, out var json) ? json : string.Empty), P.Any),
        TemplateFunction.Of("toRawJson", static (c, a) => String(c, GoJson.TryMarshal(a[0], escapeHtml: false, indent: null, out var json) ? json : string.Empty), P.Any),
        TemplateFunction.Of("toPrettyJson", static (c, a) => String(c, GoJson.TryMarshal(a[0], escapeHtml: true, indent: "  ", out var json) ? json : string.Empty), P.Any),
        TemplateFunction.Of("fromJson", static (c, a) => GoJson.Unmarshal(c, a[0].AsString), P.String),
    ];

    /// <summary>cast.ToInt64: integers as they are, floats truncated, strings by strconv.ParseInt(s, 0, 0), bools 1/0.</summary>
    internal static long ToInt64(TemplateValue v)
    {
        v = v.Unboxed();
        switch (v.Kind)
        {
            case GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8:
                return v.AsInteger;
            case GoKind.Float64:
                var f = v.AsFloat;
                return double.IsNaN(f) ? long.MinValue : f >= 9.2233720368547758E18 || f < -9.2233720368547758E18 ? long.MinValue : (long)f;
            case GoKind.String:
                return GoLiterals.TryParseInt(TrimZeroDecimal(v.AsString), out var i) ? i : 0;
            case GoKind.Bool:
                return v.AsBool ? 1 : 0;
            default:
                return 0;
        }
    }

    /// <summary>cast.ToFloat64: numbers converted, strings by strconv.ParseFloat, bools 1/0, else 0.</summary>
    internal static double ToFloat64(TemplateValue v)
    {
        v = v.Unboxed();
        switch (v.Kind)
        {
            case GoKind.Float64:
                return v.AsFloat;
            case GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8:
                return v.AsInteger;
            case GoKind.String:
                var s = v.AsString;
                var body = s.TrimStart('+', '-').ToLowerInvariant();
                if (body is "inf" or "infinity")
                {
                    return s.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
                }

                if (body == "nan")
                {
                    return double.NaN;
                }

                return GoLiterals.TryParseFloat(s, out var f) ? f : 0;
            case GoKind.Bool:
                return v.AsBool ? 1 : 0;
            default:
                return 0;
        }
    }

    /// <summary>strconv.Atoi: base 10, optional sign, nothing else; failures give sprig's 0.</summary>
    private static long Atoi(string s) =>
        s.Length > 0 && s.Skip(s[0] is '+' or '-' ? 1 : 0).All(char.IsAsciiDigit) && s.Length > (s[0] is '+' or '-' ? 1 : 0)
        && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>cast's trimZeroDecimal: "12.000" becomes "12"; anything else is unchanged.</summary>
    private static string TrimZeroDecimal(string s)
    {
        var foundZero = false;
        for (var i = s.Length; i > 0; i--)
        {
            switch (s[i - 1])
            {
                case '.':
                    if (foundZero)
                    {
                        return s[..(i - 1)];
                    }

                    break;
                case '0':
                    foundZero = true;
                    break;
                default:
                    return s;
            }
        }

        return s;
    }
}
