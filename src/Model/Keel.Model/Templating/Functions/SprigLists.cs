using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's list functions; results are new <c>[]interface {}</c> lists (inputs are never changed).</summary>
internal static class SprigLists
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.OfVariadic("list", static (c, a) => List(c, GoKind.Nil, a.ToArray()), P.Any),
        TemplateFunction.OfVariadic("tuple", static (c, a) => List(c, GoKind.Nil, a.ToArray()), P.Any),
        TemplateFunction.Of("first", static (_, a) => Items(a[0], "find first") is { Count: > 0 } l ? l[0] : TemplateValue.Nil, P.Any),
        TemplateFunction.Of("last", static (_, a) => Items(a[0], "find last") is { Count: > 0 } l ? l[^1] : TemplateValue.Nil, P.Any),
        TemplateFunction.Of("rest", static (c, a) => Items(a[0], "find rest") is { Count: > 0 } l ? List(c, GoKind.Nil, l.Skip(1).ToArray()) : NilList, P.Any),
        TemplateFunction.Of("initial", static (c, a) => Items(a[0], "find initial") is { Count: > 0 } l ? List(c, GoKind.Nil, l.Take(l.Count - 1).ToArray()) : NilList, P.Any),
        TemplateFunction.Of("append", static (c, a) => List(c, GoKind.Nil, [.. Items(a[0], "push"), a[1]]), P.Any, P.Any),
        TemplateFunction.Of("push", static (c, a) => List(c, GoKind.Nil, [.. Items(a[0], "push"), a[1]]), P.Any, P.Any),
        TemplateFunction.Of("prepend", static (c, a) => List(c, GoKind.Nil, [a[1], .. Items(a[0], "prepend")]), P.Any, P.Any),
        TemplateFunction.Of("reverse", static (c, a) => List(c, GoKind.Nil, Items(a[0], "find reverse").Reverse().ToArray()), P.Any),
        TemplateFunction.Of("compact", static (c, a) => List(c, GoKind.Nil, Items(a[0], "compact").Where(v => !SprigDefaults.Empty(v)).ToArray()), P.Any),
        TemplateFunction.Of("uniq", static (c, a) => List(c, GoKind.Nil, Uniq(Items(a[0], "find uniq"))), P.Any),
        TemplateFunction.OfVariadic("without", static (c, a) => Without(c, a[0], a[1..].ToArray()), P.Any, P.Any),
        TemplateFunction.Of("has", static (_, a) => TemplateValue.FromBool(Has(a[0], a[1])), P.Any, P.Any),
        TemplateFunction.Of("sortAlpha", static (c, a) => SortAlpha(c, a[0]), P.Any),
        TemplateFunction.OfVariadic("slice", static (c, a) => Slice(c, a[0], a[1..]), P.Any, P.Any),
        TemplateFunction.OfVariadic("concat", static (c, a) => Concat(c, a), P.Any),
        TemplateFunction.Of("until", static (c, a) => UntilStep(c, 0, a[0].AsInteger, a[0].AsInteger < 0 ? -1 : 1), P.Int),
        TemplateFunction.Of("untilStep", static (c, a) => UntilStep(c, a[0].AsInteger, a[1].AsInteger, a[2].AsInteger), P.Int, P.Int, P.Int),
    ];

    private static TemplateValue NilList => TemplateValue.FromList(new TemplateList(GoKind.Nil, [], isNil: true));

    /// <summary>The elements of a slice argument, or sprig's "Cannot {verb} type K" error.</summary>
    private static IReadOnlyList<TemplateValue> Items(TemplateValue list, string verb)
    {
        list = list.Unboxed();
        if (!list.IsValid)
        {
            throw Fail(NilDereference);
        }

        if (list.Kind != GoKind.List)
        {
            throw Fail($"Cannot {verb} on type {KindName(list)}");
        }

        return list.AsList.Items;
    }

    private static bool Has(TemplateValue needle, TemplateValue haystack) =>
        Items(haystack, "find has").Any(item => DeepEqual(needle, item));

    private static TemplateValue[] Uniq(IReadOnlyList<TemplateValue> items)
    {
        var result = new List<TemplateValue>();
        foreach (var item in items)
        {
            if (!result.Any(r => DeepEqual(r, item)))
            {
                result.Add(item);
            }
        }

        return result.ToArray();
    }

    private static TemplateValue Without(IFunctionContext c, TemplateValue list, TemplateValue[] omit) =>
        List(c, GoKind.Nil, Items(list, "find without").Where(item => !omit.Any(o => DeepEqual(o, item))).ToArray());

    private static TemplateValue SortAlpha(IFunctionContext c, TemplateValue list)
    {
        list = list.Unboxed();
        if (list.Kind != GoKind.List)
        {
            return StringList(c, [list.IsValid ? StrVal(list) : "<nil>"]);
        }

        var strings = SprigStrings.StrSlice(list);
        strings.Sort(GoStringComparer.Instance);
        return StringList(c, strings);
    }

    private static TemplateValue Slice(IFunctionContext c, TemplateValue list, ReadOnlySpan<TemplateValue> indices)
    {
        list = list.Unboxed();
        if (!list.IsValid)
        {
            throw Fail(NilDereference);
        }

        if (list.Kind != GoKind.List)
        {
            throw Fail($"list should be type of slice or array but {KindName(list)}");
        }

        var source = list.AsList;
        if (source.Count == 0)
        {
            return TemplateValue.Nil;
        }

        var start = indices.Length > 0 ? SprigConversions.ToInt64(indices[0]) : 0;
        var end = indices.Length > 1 ? SprigConversions.ToInt64(indices[1]) : source.Count;
        if (start < 0 || end < start || end > source.Count)
        {
            throw Fail("reflect.Value.Slice: slice index out of bounds");
        }

        return List(c, source.ElementKind, source.Items.Skip((int)start).Take((int)(end - start)).ToArray());
    }

    private static TemplateValue Concat(IFunctionContext c, ReadOnlySpan<TemplateValue> lists)
    {
        var result = new List<TemplateValue>();
        foreach (var list in lists)
        {
            var value = list.Unboxed();
            if (value.Kind != GoKind.List)
            {
                throw Fail($"Cannot concat type {KindName(value)} as list");
            }

            result.AddRange(value.AsList.Items);
        }

        return List(c, GoKind.Nil, result);
    }

    private static TemplateValue UntilStep(IFunctionContext c, long start, long stop, long step)
    {
        var items = new List<TemplateValue>();
        if (stop < start ? step >= 0 : step <= 0)
        {
            return List(c, GoKind.Int, items);
        }

        for (var i = start; stop < start ? i > stop : i < stop; i += step)
        {
            c.Charge(1);
            items.Add(TemplateValue.FromInt(i));
        }

        return List(c, GoKind.Int, items);
    }
}
