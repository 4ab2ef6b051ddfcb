using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>Shared pieces of the function library.</summary>
internal static class FunctionHelpers
{
    public static FunctionException Fail(string message) => new(message);

    /// <summary>The message Go gives when reflect.TypeOf(nil).Kind() dereferences nil inside sprig.</summary>
    public const string NilDereference = "runtime error: invalid memory address or nil pointer dereference";

    /// <summary>Go's reflect.Kind name of a value, as sprig's "Cannot … on type %s" messages print it.</summary>
    public static string KindName(TemplateValue value) => value.Kind switch
    {
        GoKind.List => "slice",
        GoKind.Map => "map",
        GoKind.Record => "struct",
        GoKind.Nil or GoKind.Invalid => "invalid",
        _ => value.Kind.ScalarTypeName(),
    };

    /// <summary>sprig's strval: strings as they are, anything else as fmt's %v.</summary>
    public static string StrVal(TemplateValue value) =>
        value.Kind == GoKind.String ? value.AsString : GoFmt.Sprint([value]);

    public static TemplateValue String(IFunctionContext context, string value)
    {
        context.Charge(value.Length);
        return TemplateValue.FromString(value);
    }

    public static TemplateValue List(IFunctionContext context, GoKind elementKind, IReadOnlyList<TemplateValue> items)
    {
        context.Charge(items.Count);
        return TemplateValue.FromList(new TemplateList(elementKind, items));
    }

    public static TemplateValue StringList(IFunctionContext context, IReadOnlyList<string> items)
    {
        context.Charge(items.Count + items.Sum(i => (long)i.Length));
        return TemplateValue.FromList(TemplateList.OfStrings(items));
    }

    /// <summary>Go's reflect.DeepEqual over template values (same dynamic types, same contents).</summary>
    public static bool DeepEqual(TemplateValue a, TemplateValue b, int depth = 0)
    {
        if (depth > 100)
        {
            throw Execution.TemplateRuntimeException.Limit("value nested too deeply to compare");
        }

        if (a.Kind is GoKind.Invalid or GoKind.Nil || b.Kind is GoKind.Invalid or GoKind.Nil)
        {
            return a.Kind is GoKind.Invalid or GoKind.Nil && b.Kind is GoKind.Invalid or GoKind.Nil;
        }

        if (a.Kind != b.Kind || a.GoTypeName != b.GoTypeName)
        {
            return false;
        }

        switch (a.Kind)
        {
            case GoKind.List:
                var la = a.AsList;
                var lb = b.AsList;
                if (la.IsNil != lb.IsNil || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEqual(la.Items[i], lb.Items[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case GoKind.Map:
                var ma = a.AsMap;
                var mb = b.AsMap;
                if (ma.IsNil != mb.IsNil || ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var key in ma.SortedKeys())
                {
                    ma.TryGetValue(key, out var va);
                    if (!mb.TryGetValue(key, out var vb) || !DeepEqual(va, vb, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.Equals(b);
        }
    }
}
