using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's default, empty, coalesce, ternary, all, any and fail.</summary>
internal static class SprigDefaults
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.OfVariadic("default", static (_, a) => a.Length == 1 || Empty(a[1]) ? a[0] : a[1], P.Any, P.Any),
        TemplateFunction.Of("empty", static (_, a) => TemplateValue.FromBool(Empty(a[0])), P.Any),
        TemplateFunction.OfVariadic("coalesce", static (_, a) => Coalesce(a), P.Any),
        TemplateFunction.Of("ternary", static (_, a) => a[2].AsBool ? a[0] : a[1], P.Any, P.Any, P.Bool),
        TemplateFunction.OfVariadic("all", static (_, a) => TemplateValue.FromBool(AllSet(a)), P.Any),
        TemplateFunction.OfVariadic("any", static (_, a) => TemplateValue.FromBool(AnySet(a)), P.Any),
        TemplateFunction.Of("fail", static (_, a) => throw Fail(a[0].AsString), P.String),
    ];

    /// <summary>sprig's empty: nil, zero numbers, false, and empty strings and collections; structs never.</summary>
    internal static bool Empty(TemplateValue v) => v.Kind switch
    {
        GoKind.Invalid or GoKind.Nil => true,
        GoKind.Record => false,
        _ => !Execution.Executor.IsTrue(v),
    };

    private static TemplateValue Coalesce(ReadOnlySpan<TemplateValue> values)
    {
        foreach (var v in values)
        {
            if (!Empty(v))
            {
                return v;
            }
        }

        return TemplateValue.Nil;
    }

    private static bool AllSet(ReadOnlySpan<TemplateValue> values)
    {
        foreach (var v in values)
        {
            if (Empty(v))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnySet(ReadOnlySpan<TemplateValue> values)
    {
        foreach (var v in values)
        {
            if (!Empty(v))
            {
                return true;
            }
        }

        return false;
    }
}
