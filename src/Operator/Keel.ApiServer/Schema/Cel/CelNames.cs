using System.Text;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// Kubernetes' escaping of property names into CEL identifiers: <c>-</c> → <c>__dash__</c>, <c>.</c> →
/// <c>__dot__</c>, <c>/</c> → <c>__slash__</c>, <c>__</c> → <c>__underscores__</c>, reserved words → <c>__word__</c>.
/// Names that cannot be escaped (leading digit, other characters) are not accessible from rules.
/// </summary>
internal static class CelNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    public static bool TryEscape(string name, out string escaped)
    {
        escaped = "";
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        if (Reserved.Contains(name))
        {
            escaped = "__" + name + "__";
            return true;
        }

        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_' && i + 1 < name.Length && name[i + 1] == '_')
            {
                builder.Append("__underscores__");
                i++;
                continue;
            }

            switch (c)
            {
                case '.': builder.Append("__dot__"); break;
                case '-': builder.Append("__dash__"); break;
                case '/': builder.Append("__slash__"); break;
                default:
                    if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                    {
                        return false;
                    }

                    builder.Append(c);
                    break;
            }
        }

        escaped = builder.ToString();
        return true;
    }

    /// <summary>Names the checker treats as reserved and not usable as plain identifiers.</summary>
    public static bool IsReserved(string identifier) => Reserved.Contains(identifier) && identifier is not ("true" or "false" or "null" or "in");
}
