using System;

namespace Keel.Generators.Parsing;

/// <summary>System.Text.Json's camelCase naming, so unannotated properties get the names the serializer writes.</summary>
internal static class JsonNames
{
    public static string CamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Default plural of a kind: lower case, English -s/-es/-ies (controller-gen's rules).</summary>
    public static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith("s", StringComparison.Ordinal) || lower.EndsWith("x", StringComparison.Ordinal) || lower.EndsWith("z", StringComparison.Ordinal)
            || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return lower + "es";
        }

        if (lower.Length > 1 && lower.EndsWith("y", StringComparison.Ordinal) && "aeiou".IndexOf(lower[lower.Length - 2]) < 0)
        {
            return lower.Substring(0, lower.Length - 1) + "ies";
        }

        return lower + "s";
    }
}
