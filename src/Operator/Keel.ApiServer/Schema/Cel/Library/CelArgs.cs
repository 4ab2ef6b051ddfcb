using System.Collections;
using Cel;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>Argument helpers for functions registered with <c>object</c> parameters (the Cel package dispatches on CLR types).</summary>
internal static class CelArgs
{
    private static readonly Type? NoSuchFieldType = Type.GetType("Cel.Internal.CelNoSuchField, Cel");

    /// <summary>The Cel package's marker for a field that is absent from a map (what has() tests).</summary>
    public static bool IsAbsentField(object? value) => value is not null && value.GetType() == NoSuchFieldType;

    public static string String(object? value, string function) => value switch
    {
        string s => s,
        _ => throw NoOverload(function, value),
    };

    public static long Int(object? value, string function) => value switch
    {
        long l => l,
        int i => i,
        _ => throw NoOverload(function, value),
    };

    public static IList List(object? value, string function) => value switch
    {
        IList list => list,
        _ => throw NoOverload(function, value),
    };

    public static Exception NoOverload(string function, object? value)
    {
        if (IsAbsentField(value))
        {
            return new CelNoSuchFieldException(value!.GetType().GetProperty("Message")?.GetValue(value) as string ?? "no such key");
        }

        return new CelNoSuchOverloadException($"no such overload: {function}");
    }

    /// <summary>Code points of a string (CEL indexes strings by code point, not UTF-16 unit).</summary>
    public static int[] CodePoints(string value)
    {
        var points = new List<int>(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return [.. points];
    }

    public static string FromCodePoints(ReadOnlySpan<int> points)
    {
        var builder = new System.Text.StringBuilder(points.Length);
        foreach (var point in points)
        {
            builder.Append(char.ConvertFromUtf32(point));
        }

        return builder.ToString();
    }
}
