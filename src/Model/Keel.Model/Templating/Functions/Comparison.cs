using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>Go's eq/ne/lt/le/gt/ge: basic kinds compare within their kind, ints and uints across.</summary>
internal static class Comparison
{
    private enum BasicKind
    {
        Invalid,
        Bool,
        Complex,
        Int,
        Float,
        String,
        Uint,
    }

    private static BasicKind KindOf(TemplateValue v) => v.Kind switch
    {
        GoKind.Bool => BasicKind.Bool,
        GoKind.Int or GoKind.Int32 or GoKind.Int64 => BasicKind.Int,
        GoKind.Uint8 => BasicKind.Uint,
        GoKind.Float64 => BasicKind.Float,
        GoKind.Complex128 => BasicKind.Complex,
        GoKind.String => BasicKind.String,
        _ => BasicKind.Invalid,
    };

    private static FunctionException Incompatible(TemplateValue a, TemplateValue b) =>
        new($"incompatible types for comparison: {a.GoTypeName} and {b.GoTypeName}");

    public static bool Eq(TemplateValue arg1, ReadOnlySpan<TemplateValue> others)
    {
        arg1 = arg1.Unboxed();
        if (others.Length == 0)
        {
            throw new FunctionException("missing argument for comparison");
        }

        var k1 = KindOf(arg1);
        foreach (var raw in others)
        {
            var arg = raw.Unboxed();
            var k2 = KindOf(arg);
            bool truth;
            if (k1 != k2)
            {
                if (k1 == BasicKind.Int && k2 == BasicKind.Uint || k1 == BasicKind.Uint && k2 == BasicKind.Int)
                {
                    truth = arg1.AsInteger == arg.AsInteger;
                }
                else if (arg1.IsValid && arg.IsValid)
                {
                    throw Incompatible(arg1, arg);
                }
                else
                {
                    truth = false;
                }
            }
            else
            {
                truth = k1 switch
                {
                    BasicKind.Bool => arg1.AsBool == arg.AsBool,
                    BasicKind.Complex => arg1.AsComplex == arg.AsComplex,
                    BasicKind.Float => arg1.AsFloat == arg.AsFloat,
                    BasicKind.Int or BasicKind.Uint => arg1.AsInteger == arg.AsInteger,
                    BasicKind.String => string.Equals(arg1.AsString, arg.AsString, StringComparison.Ordinal),
                    _ => EqualNonBasic(arg1, arg),
                };
            }

            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EqualNonBasic(TemplateValue a, TemplateValue b)
    {
        if (a.Kind != b.Kind && a.IsValid && b.IsValid)
        {
            throw new FunctionException(GoFmt.Sprintf("non-comparable types %s: %v, %s: %v", [a, a.GoTypeName, b.GoTypeName, b]));
        }

        if (a.IsNilLike || b.IsNilLike)
        {
            return a.IsNilLike == b.IsNilLike;
        }

        if (b.Kind is GoKind.List or GoKind.Map)
        {
            throw new FunctionException(GoFmt.Sprintf("non-comparable type %s: %v", [b, b.GoTypeName]));
        }

        return a.Equals(b);
    }

    public static bool Lt(TemplateValue arg1, TemplateValue arg2)
    {
        arg1 = arg1.Unboxed();
        arg2 = arg2.Unboxed();
        var k1 = KindOf(arg1);
        var k2 = KindOf(arg2);
        if (k1 == BasicKind.Invalid || k2 == BasicKind.Invalid)
        {
            throw new FunctionException("invalid type for comparison");
        }

        if (k1 != k2)
        {
            return k1 switch
            {
                BasicKind.Int when k2 == BasicKind.Uint => arg1.AsInteger < arg2.AsInteger,
                BasicKind.Uint when k2 == BasicKind.Int => arg2.AsInteger >= 0 && arg1.AsInteger < arg2.AsInteger,
                _ => throw Incompatible(arg1, arg2),
            };
        }

        return k1 switch
        {
            BasicKind.Bool or BasicKind.Complex => throw new FunctionException("invalid type for comparison"),
            BasicKind.Float => arg1.AsFloat < arg2.AsFloat,
            BasicKind.String => GoStringComparer.Instance.Compare(arg1.AsString, arg2.AsString) < 0,
            _ => arg1.AsInteger < arg2.AsInteger,
        };
    }

    public static bool Le(TemplateValue a, TemplateValue b) => Lt(a, b) || Eq(a, [b]);
}
