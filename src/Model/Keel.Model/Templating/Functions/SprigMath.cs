using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using static Keel.Model.Templating.Functions.SprigConversions;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's integer math: every argument through cast.ToInt64, results int64, wrap-around as in Go.</summary>
internal static class SprigMath
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.OfVariadic("add", static (_, a) => TemplateValue.FromInt64(Sum(a)), P.Any),
        TemplateFunction.Of("add1", static (_, a) => TemplateValue.FromInt64(unchecked(ToInt64(a[0]) + 1)), P.Any),
        TemplateFunction.Of("sub", static (_, a) => TemplateValue.FromInt64(unchecked(ToInt64(a[0]) - ToInt64(a[1]))), P.Any, P.Any),
        TemplateFunction.OfVariadic("mul", static (_, a) => TemplateValue.FromInt64(Product(a)), P.Any, P.Any),
        TemplateFunction.Of("div", static (_, a) => TemplateValue.FromInt64(Divide(ToInt64(a[0]), ToInt64(a[1]))), P.Any, P.Any),
        TemplateFunction.Of("mod", static (_, a) => TemplateValue.FromInt64(Modulo(ToInt64(a[0]), ToInt64(a[1]))), P.Any, P.Any),
        TemplateFunction.OfVariadic("max", static (_, a) => TemplateValue.FromInt64(Extreme(a, max: true)), P.Any, P.Any),
        TemplateFunction.OfVariadic("biggest", static (_, a) => TemplateValue.FromInt64(Extreme(a, max: true)), P.Any, P.Any),
        TemplateFunction.OfVariadic("min", static (_, a) => TemplateValue.FromInt64(Extreme(a, max: false)), P.Any, P.Any),
        TemplateFunction.Of("floor", static (_, a) => TemplateValue.FromFloat(Math.Floor(ToFloat64(a[0]))), P.Any),
        TemplateFunction.Of("ceil", static (_, a) => TemplateValue.FromFloat(Math.Ceiling(ToFloat64(a[0]))), P.Any),
    ];

    private static long Sum(ReadOnlySpan<TemplateValue> values)
    {
        long sum = 0;
        foreach (var v in values)
        {
            sum = unchecked(sum + ToInt64(v));
        }

        return sum;
    }

    private static long Product(ReadOnlySpan<TemplateValue> values)
    {
        var product = ToInt64(values[0]);
        foreach (var v in values[1..])
        {
            product = unchecked(product * ToInt64(v));
        }

        return product;
    }

    private static long Divide(long a, long b) => b switch
    {
        0 => throw Fail("runtime error: integer divide by zero"),
        -1 => unchecked(-a),
        _ => a / b,
    };

    private static long Modulo(long a, long b) => b switch
    {
        0 => throw Fail("runtime error: integer divide by zero"),
        -1 => 0,
        _ => a % b,
    };

    private static long Extreme(ReadOnlySpan<TemplateValue> values, bool max)
    {
        var result = ToInt64(values[0]);
        foreach (var v in values[1..])
        {
            var x = ToInt64(v);
            if (max ? x > result : x < result)
            {
                result = x;
            }
        }

        return result;
    }
}
