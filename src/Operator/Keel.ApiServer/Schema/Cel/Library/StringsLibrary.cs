using System.Collections;
using System.Globalization;
using System.Text;
using Cel;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// The Kubernetes CEL strings extension library (cel-go <c>ext.Strings</c>): indexes count code points, errors read
/// like cel-go's (<c>index out of range: 7</c>).
/// </summary>
internal static class StringsLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Register(environment, "charAt", 2, a => CharAt(S(a[0], "charAt"), I(a[1], "charAt")));
        Register(environment, "indexOf", 2, a => a[0] is IList list ? ListsLibrary.IndexOf(list, a[1], last: false) : IndexOf(S(a[0], "indexOf"), S(a[1], "indexOf"), 0));
        Register(environment, "indexOf", 3, a => IndexOf(S(a[0], "indexOf"), S(a[1], "indexOf"), I(a[2], "indexOf")));
        Register(environment, "lastIndexOf", 2, a => a[0] is IList list ? ListsLibrary.IndexOf(list, a[1], last: true) : LastIndexOf(S(a[0], "lastIndexOf"), S(a[1], "lastIndexOf"), null));
        Register(environment, "lastIndexOf", 3, a => LastIndexOf(S(a[0], "lastIndexOf"), S(a[1], "lastIndexOf"), I(a[2], "lastIndexOf")));
        Register(environment, "lowerAscii", 1, a => Ascii(S(a[0], "lowerAscii"), upper: false));
        Register(environment, "upperAscii", 1, a => Ascii(S(a[0], "upperAscii"), upper: true));
        Register(environment, "replace", 3, a => Replace(S(a[0], "replace"), S(a[1], "replace"), S(a[2], "replace"), -1));
        Register(environment, "replace", 4, a => Replace(S(a[0], "replace"), S(a[1], "replace"), S(a[2], "replace"), I(a[3], "replace")));
        Register(environment, "split", 2, a => Split(S(a[0], "split"), S(a[1], "split"), -1));
        Register(environment, "split", 3, a => Split(S(a[0], "split"), S(a[1], "split"), I(a[2], "split")));
        Register(environment, "substring", 2, a => Substring(S(a[0], "substring"), I(a[1], "substring"), null));
        Register(environment, "substring", 3, a => Substring(S(a[0], "substring"), I(a[1], "substring"), I(a[2], "substring")));
        Register(environment, "trim", 1, a => S(a[0], "trim").Trim());
        Register(environment, "reverse", 1, a => Reverse(S(a[0], "reverse")));
        Register(environment, "join", 1, a => Join(CelArgs.List(a[0], "join"), ""));
        Register(environment, "join", 2, a => Join(CelArgs.List(a[0], "join"), S(a[1], "join")));
        Register(environment, "format", 2, a => StringFormat.Format(S(a[0], "format"), CelArgs.List(a[1], "format")));
    }

    private static void Register(CelEnvironment environment, string name, int arity, CelFunction function) =>
        environment.RegisterFunction(name, Enumerable.Repeat(typeof(object), arity).ToArray(), args => function(args));

    internal delegate object? CelFunction(object?[] args);

    private static string S(object? value, string function) => CelArgs.String(value, function);

    private static long I(object? value, string function) => CelArgs.Int(value, function);

    private static Exception OutOfRange(long index) => new CelEvaluationException("index out of range: " + index.ToString(CultureInfo.InvariantCulture));

    private static string CharAt(string text, long index)
    {
        var points = CelArgs.CodePoints(text);
        if (index < 0 || index > points.Length)
        {
            throw OutOfRange(index);
        }

        return index == points.Length ? "" : char.ConvertFromUtf32(points[index]);
    }

    private static long IndexOf(string text, string substring, long offset)
    {
        var points = CelArgs.CodePoints(text);
        var needle = CelArgs.CodePoints(substring);
        if (offset < 0 || offset > points.Length)
        {
            throw OutOfRange(offset);
        }

        for (var i = (int)offset; i + needle.Length <= points.Length; i++)
        {
            if (points.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static long LastIndexOf(string text, string substring, long? offset)
    {
        var points = CelArgs.CodePoints(text);
        var needle = CelArgs.CodePoints(substring);
        var start = offset ?? points.Length;
        if (start < 0 || start > points.Length)
        {
            throw OutOfRange(start);
        }

        if (needle.Length == 0)
        {
            return start;
        }

        for (var i = (int)Math.Min(start, points.Length - needle.Length); i >= 0; i--)
        {
            if (points.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Ascii(string text, bool upper)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (upper && c is >= 'a' and <= 'z')
            {
                chars[i] = (char)(c - 32);
            }
            else if (!upper && c is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(c + 32);
            }
        }

        return new string(chars);
    }

    /// <summary>Go's <c>strings.Replace</c>: at most <paramref name="count"/> replacements, all when negative.</summary>
    private static string Replace(string text, string old, string replacement, long count)
    {
        if (count == 0 || old == replacement)
        {
            return text;
        }

        if (old.Length == 0)
        {
            var points = CelArgs.CodePoints(text);
            var builder = new StringBuilder();
            var done = 0L;
            for (var i = 0; i <= points.Length; i++)
            {
                if (count < 0 || done < count)
                {
                    builder.Append(replacement);
                    done++;
                }

                if (i < points.Length)
                {
                    builder.Append(char.ConvertFromUtf32(points[i]));
                }
            }

            return builder.ToString();
        }

        if (count < 0)
        {
            return text.Replace(old, replacement, StringComparison.Ordinal);
        }

        var result = new StringBuilder();
        var position = 0;
        for (var n = 0L; n < count; n++)
        {
            var found = text.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Append(text, position, found - position).Append(replacement);
            position = found + old.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Go's <c>strings.SplitN</c> (all parts when <paramref name="limit"/> is negative, none when zero).</summary>
    private static object?[] Split(string text, string separator, long limit)
    {
        if (limit == 0)
        {
            return [];
        }

        List<string> parts;
        if (separator.Length == 0)
        {
            var points = CelArgs.CodePoints(text);
            parts = points.Select(char.ConvertFromUtf32).ToList();
            if (limit > 0 && parts.Count > limit)
            {
                var head = parts.Take((int)limit - 1).ToList();
                head.Add(string.Concat(parts.Skip((int)limit - 1)));
                parts = head;
            }
        }
        else
        {
            parts = limit > 0
                ? text.Split(separator, (int)Math.Min(limit, int.MaxValue), StringSplitOptions.None).ToList()
                : text.Split(separator, StringSplitOptions.None).ToList();
        }

        return parts.Cast<object?>().ToArray();
    }

    private static string Substring(string text, long start, long? end)
    {
        var points = CelArgs.CodePoints(text);
        var stop = end ?? points.Length;
        if (start < 0 || start > points.Length)
        {
            throw OutOfRange(start);
        }

        if (stop < 0 || stop > points.Length)
        {
            throw OutOfRange(stop);
        }

        if (start > stop)
        {
            throw new CelEvaluationException(string.Create(CultureInfo.InvariantCulture, $"invalid substring range. start: {start}, end: {stop}"));
        }

        return CelArgs.FromCodePoints(points.AsSpan((int)start, (int)(stop - start)));
    }

    private static string Reverse(string text)
    {
        var points = CelArgs.CodePoints(text);
        Array.Reverse(points);
        return CelArgs.FromCodePoints(points);
    }

    private static string Join(IList list, string separator)
    {
        var parts = new List<string>(list.Count);
        foreach (var item in list)
        {
            parts.Add(item as string ?? throw CelArgs.NoOverload("join", item));
        }

        return string.Join(separator, parts);
    }
}
