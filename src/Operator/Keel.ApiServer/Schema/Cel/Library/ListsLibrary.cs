using System.Collections;
using Cel;
using Cel.Internal;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>The Kubernetes CEL list library: <c>isSorted sum min max indexOf lastIndexOf</c>.</summary>
internal static class ListsLibrary
{
    private static readonly TypeRegistry Types = TypeRegistry.FromFiles();

    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("isSorted", [typeof(object)], a => IsSorted(CelArgs.List(a[0], "isSorted")));
        environment.RegisterFunction("sum", [typeof(object)], a => Sum(CelArgs.List(a[0], "sum")));
        environment.RegisterFunction("min", [typeof(object)], a => Extreme(CelArgs.List(a[0], "min"), "min", sign: -1));
        environment.RegisterFunction("max", [typeof(object)], a => Extreme(CelArgs.List(a[0], "max"), "max", sign: 1));
    }

    /// <summary>CEL equality (numbers compare across int, uint and double).</summary>
    public static bool CelEquals(object? a, object? b)
    {
        try
        {
            return CompareFunctions.Compare(a, b, Types) == 0;
        }
        catch (CelException)
        {
            return false;
        }
    }

    public static int Compare(object? a, object? b, string function)
    {
        try
        {
            var result = CompareFunctions.Compare(a, b, Types);
            if (result == -2 || a is null || b is null || a is IList || a is IDictionary)
            {
                throw new CelNoSuchOverloadException($"no such overload: {function}");
            }

            return result;
        }
        catch (CelException ex) when (ex is not CelEvaluationException)
        {
            throw new CelNoSuchOverloadException($"no such overload: {function}");
        }
    }

    public static long IndexOf(IList list, object? value, bool last)
    {
        if (last)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (CelEquals(list[i], value))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (CelEquals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSorted(IList list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1], list[i], "isSorted") > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object Sum(IList list)
    {
        if (list.Count == 0)
        {
            return 0L;
        }

        switch (list[0])
        {
            case long:
                var total = 0L;
                foreach (var item in list)
                {
                    total = checked(total + (item as long? ?? throw CelArgs.NoOverload("sum", item)));
                }

                return total;
            case ulong:
                var unsigned = 0UL;
                foreach (var item in list)
                {
                    unsigned = checked(unsigned + (item as ulong? ?? throw CelArgs.NoOverload("sum", item)));
                }

                return unsigned;
            case double:
                var sum = 0.0;
                foreach (var item in list)
                {
                    sum += item as double? ?? throw CelArgs.NoOverload("sum", item);
                }

                return sum;
            case Duration or TimeSpan:
                var span = TimeSpan.Zero;
                foreach (var item in list)
                {
                    span += item switch
                    {
                        Duration d => d.ToTimeSpan(),
                        TimeSpan t => t,
                        _ => throw CelArgs.NoOverload("sum", item),
                    };
                }

                return Duration.FromTimeSpan(span);
            default:
                throw CelArgs.NoOverload("sum", list[0]);
        }
    }

    private static object? Extreme(IList list, string function, int sign)
    {
        if (list.Count == 0)
        {
            throw new CelEvaluationException($"{function}(list) called on an empty list");
        }

        var best = list[0];
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i], best, function) * sign > 0)
            {
                best = list[i];
            }
        }

        return best;
    }
}
