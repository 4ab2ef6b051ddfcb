using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// kube-openapi's enum check: the value is converted to the Go type of each enum member
/// (<c>reflect.Value.Convert</c>) and then compared with <c>reflect.DeepEqual</c>. For numbers that means an
/// int64 member matches a float64 value truncated toward zero (1.0 and 1.5 both match 1), a float64 member
/// matches an int64 value converted to float64 (1 matches 1.0), and nested numbers compare strictly by Go type.
/// </summary>
internal static class EnumMatch
{
    public static bool Matches(JsonNode data, JsonNode member)
    {
        if (data is JsonValue value && member is JsonValue allowed
            && value.GetValueKind() == JsonValueKind.Number && allowed.GetValueKind() == JsonValueKind.Number)
        {
            var number = GoNumber.Of(value);
            var enumNumber = GoNumber.Of(allowed);
            if (!enumNumber.IsInteger)
            {
                return number.AsFloat == enumNumber.Float;
            }

            return number.IsInteger ? number.Integer == enumNumber.Integer : Truncate(number.Float) == enumNumber.Integer;
        }

        return JsonEquality.DeepEquals(data, member, NumberEquality.GoTyped);
    }

    /// <summary>Go's <c>int64(f)</c> for a float64 that fits; no integer for one that does not.</summary>
    private static long? Truncate(double value) =>
        double.IsFinite(value) && value >= -9.2233720368547758E+18 && value < 9.2233720368547758E+18 ? (long)Math.Truncate(value) : null;
}
