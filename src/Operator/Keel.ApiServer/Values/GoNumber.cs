using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Values;

/// <summary>
/// A JSON number as the API server holds it after decoding into unstructured content
/// (k8s.io/apimachinery/pkg/util/json): an <c>int64</c> when the literal is an integer that fits one
/// ("1", "-0"), a <c>float64</c> otherwise ("1.0", "1e2", "1e20", "0.1").
/// </summary>
internal readonly record struct GoNumber(bool IsInteger, long Integer, double Float)
{
    public static GoNumber Of(JsonValue value) =>
        TryGetInteger(value, out var integer) ? new GoNumber(true, integer, integer) : new GoNumber(false, 0, GetDouble(value));

    /// <summary>The value as a float64; an int64 past 2^53 is rounded, as Go's <c>float64(i)</c> does.</summary>
    public double AsFloat => IsInteger ? Integer : Float;

    /// <summary>What Go's <c>json.Marshal</c> writes for the decoded value: "1" for both 1 and 1.0, "-0" for -0.0.</summary>
    public string ToJson() => IsInteger ? Integer.ToString(CultureInfo.InvariantCulture) : GoFormatting.JsonFloat(Float);

    /// <summary>True when the number is written as an integer that fits an int64 (Go decodes it as int64).</summary>
    public static bool TryGetInteger(JsonValue value, out long result)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out result))
            {
                return true;
            }

            result = 0;
            return false;
        }

        switch (value.GetValue<object>())
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>The number as a float64 (infinite when the literal is beyond float64's range).</summary>
    public static double GetDouble(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDouble(out var d)
                ? d
                : double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return value.GetValue<object>() switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            long l => l,
            int i => i,
            ulong ul => ul,
            uint ui => ui,
            short s => s,
            byte b => b,
            var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
        };
    }
}
