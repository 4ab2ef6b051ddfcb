using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's dict functions. <c>set</c>, <c>unset</c> and <c>merge</c> change their first argument, as in sprig.</summary>
internal static class SprigDicts
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.OfVariadic("dict", static (c, a) => Dict(c, a), P.Any),
        TemplateFunction.Of("get", static (_, a) => a[0].AsMap.TryGetValue(a[1].AsString, out var v) ? v : TemplateValue.EmptyString, P.Map, P.String),
        TemplateFunction.Of("set", static (c, a) => Set(c, a[0], a[1].AsString, a[2]), P.Map, P.String, P.Any),
        TemplateFunction.Of("unset", static (_, a) => Unset(a[0], a[1].AsString), P.Map, P.String),
        TemplateFunction.Of("hasKey", static (_, a) => TemplateValue.FromBool(a[0].AsMap.ContainsKey(a[1].AsString)), P.Map, P.String),
        TemplateFunction.OfVariadic("keys", static (c, a) => Keys(c, a), P.Map),
        TemplateFunction.Of("values", static (c, a) => Values(c, a[0].AsMap), P.Map),
        TemplateFunction.OfVariadic("pick", static (c, a) => Pick(c, a[0].AsMap, a[1..], keep: true), P.String, P.Map),
        TemplateFunction.OfVariadic("omit", static (c, a) => Pick(c, a[0].AsMap, a[1..], keep: false), P.String, P.Map),
        TemplateFunction.OfVariadic("merge", static (_, a) => Merge(a[0], a[1..]), P.Map, P.Map),
    ];

    private static TemplateValue Dict(IFunctionContext context, ReadOnlySpan<TemplateValue> args)
    {
        context.Charge(args.Length);
        var map = new TemplateMap(GoKind.Nil, args.Length / 2);
        for (var i = 0; i < args.Length; i += 2)
        {
            var key = StrVal(args[i].Unboxed().Kind == GoKind.Invalid ? TemplateValue.Nil : args[i].Unboxed());
            map.Set(key, i + 1 < args.Length ? args[i + 1] : TemplateValue.EmptyString);
        }

        return TemplateValue.FromMap(map);
    }

    private static TemplateValue Values(IFunctionContext context, TemplateMap map) =>
        List(context, GoKind.Nil, map.SortedKeys().Select(k => map.TryGetValue(k, out var v) ? v : default).ToArray());

    private static TemplateValue Set(IFunctionContext context, TemplateValue dict, string key, TemplateValue value)
    {
        var map = dict.AsMap;
        if (map.IsNil)
        {
            throw Fail("assignment to entry in nil map");
        }

        context.Charge(1);
        map.Set(key, value);
        return dict;
    }

    private static TemplateValue Unset(TemplateValue dict, string key)
    {
        dict.AsMap.Remove(key);
        return dict;
    }

    private static TemplateValue Keys(IFunctionContext context, ReadOnlySpan<TemplateValue> dicts)
    {
        var keys = new List<string>();
        foreach (var dict in dicts)
        {
            keys.AddRange(dict.AsMap.SortedKeys());
        }

        return StringList(context, keys);
    }

    private static TemplateValue Pick(IFunctionContext context, TemplateMap source, ReadOnlySpan<TemplateValue> keys, bool keep)
    {
        var names = keys.ToArray().Select(k => k.AsString).ToHashSet(StringComparer.Ordinal);
        var result = new TemplateMap(GoKind.Nil);
        foreach (var key in source.SortedKeys())
        {
            if (names.Contains(key) == keep && source.TryGetValue(key, out var v))
            {
                result.Set(key, v);
            }
        }

        context.Charge(result.Count);
        return TemplateValue.FromMap(result);
    }

    /// <summary>mergo.Merge without override: fills keys missing or empty in dst from each src, deeply for maps.</summary>
    private static TemplateValue Merge(TemplateValue dst, ReadOnlySpan<TemplateValue> sources)
    {
        foreach (var src in sources)
        {
            MergeInto(dst.AsMap, src.AsMap, 0);
        }

        return dst;
    }

    private static void MergeInto(TemplateMap dst, TemplateMap src, int depth)
    {
        if (depth > 100)
        {
            throw Execution.TemplateRuntimeException.Limit("maps nested too deeply to merge");
        }

        foreach (var key in src.SortedKeys())
        {
            src.TryGetValue(key, out var sv);
            if (sv.Kind == GoKind.Nil || (sv.Kind is GoKind.List && sv.AsList.IsNil) || (sv.Kind is GoKind.Map && sv.AsMap.IsNil))
            {
                continue;
            }

            var hasDst = dst.TryGetValue(key, out var dv);
            if (sv.Kind == GoKind.Map && hasDst && dv.Kind == GoKind.Map && !dv.AsMap.IsNil)
            {
                MergeInto(dv.AsMap, sv.AsMap, depth + 1);
            }

            if (hasDst && !SprigDefaults.Empty(dv) && sv.Kind is GoKind.Map or GoKind.List)
            {
                continue;
            }

            if (!hasDst || SprigDefaults.Empty(dv))
            {
                if (dst.IsNil)
                {
                    continue;
                }

                dst.Set(key, sv);
            }
        }
    }
}
