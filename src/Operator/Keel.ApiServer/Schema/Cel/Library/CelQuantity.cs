using System.Globalization;
using System.Text.RegularExpressions;
using Cel;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// A <c>resource.Quantity</c> for the Kubernetes quantity library (<c>quantity("1.5Gi")</c>): parsed with the
/// apimachinery grammar (binary, decimal SI and exponent suffixes), held as an exact decimal.
/// </summary>
internal sealed partial class CelQuantity
{
    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["n"] = 0.000000001m, ["u"] = 0.000001m, ["m"] = 0.001m,
        ["k"] = 1_000m, ["M"] = 1_000_000m, ["G"] = 1_000_000_000m, ["T"] = 1_000_000_000_000m,
        ["P"] = 1_000_000_000_000_000m, ["E"] = 1_000_000_000_000_000_000m,
        ["Ki"] = 1024m, ["Mi"] = 1024m * 1024, ["Gi"] = 1024m * 1024 * 1024, ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024, ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    private CelQuantity(decimal value) => Value = value;

    public decimal Value { get; }

    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("quantity", [typeof(object)], a => Parse(CelArgs.String(a[0], "quantity")));
        environment.RegisterFunction("isQuantity", [typeof(object)], a => TryParse(CelArgs.String(a[0], "isQuantity"), out _));
        environment.RegisterFunction("isInteger", [typeof(object)], a => IsInteger(Of(a[0], "isInteger").Value));
        environment.RegisterFunction("asInteger", [typeof(object)], a => AsInteger(Of(a[0], "asInteger").Value));
        environment.RegisterFunction("asApproximateFloat", [typeof(object)], a => (double)Of(a[0], "asApproximateFloat").Value);
        environment.RegisterFunction("sign", [typeof(object)], a => (long)Math.Sign(Of(a[0], "sign").Value));
        environment.RegisterFunction("add", [typeof(object), typeof(object)], a => new CelQuantity(Of(a[0], "add").Value + Operand(a[1], "add")));
        environment.RegisterFunction("sub", [typeof(object), typeof(object)], a => new CelQuantity(Of(a[0], "sub").Value - Operand(a[1], "sub")));
        environment.RegisterFunction("isGreaterThan", [typeof(object), typeof(object)], a => Of(a[0], "isGreaterThan").Value > Of(a[1], "isGreaterThan").Value);
        environment.RegisterFunction("isLessThan", [typeof(object), typeof(object)], a => Of(a[0], "isLessThan").Value < Of(a[1], "isLessThan").Value);
        environment.RegisterFunction("compareTo", [typeof(object), typeof(object)], a => (long)Of(a[0], "compareTo").Value.CompareTo(Of(a[1], "compareTo").Value));
    }

    private static CelQuantity Of(object? value, string function) => value as CelQuantity ?? throw CelArgs.NoOverload(function, value);

    private static decimal Operand(object? value, string function) => value switch
    {
        CelQuantity q => q.Value,
        long l => l,
        _ => throw CelArgs.NoOverload(function, value),
    };

    private static bool IsInteger(decimal value) => decimal.Truncate(value) == value && value >= long.MinValue && value <= long.MaxValue;

    private static long AsInteger(decimal value) =>
        IsInteger(value) ? (long)value : throw new CelEvaluationException("cannot convert value to integer");

    public static CelQuantity Parse(string text) =>
        TryParse(text, out var quantity)
            ? quantity
            : throw new CelEvaluationException("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");

    public static bool TryParse(string text, out CelQuantity quantity)
    {
        quantity = null!;
        var match = QuantityPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var number = match.Groups[1].Value;
        var suffix = match.Groups[2].Value;
        if (number.Count(c => c == '.') > 1 || !number.Any(char.IsAsciiDigit)
            || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        decimal multiplier;
        if (Multipliers.TryGetValue(suffix, out var known))
        {
            multiplier = known;
        }
        else if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            && exponent is >= -28 and <= 28)
        {
            multiplier = exponent >= 0 ? Pow10(exponent) : 1m / Pow10(-exponent);
        }
        else
        {
            return false;
        }

        try
        {
            quantity = new CelQuantity(value * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    [GeneratedRegex("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex QuantityPattern();
}
