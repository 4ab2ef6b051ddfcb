namespace Keel.Model.Migration.Templates;

/// <summary>
/// Finds the actions of a template that already parsed (<see cref="Templating.GoTemplate.Parse"/>): where each
/// <c>{{ ... }}</c> starts and ends (strings, raw strings and character constants inside an action may hold
/// <c>}}</c>), its trim markers, and its first word. The tree of the template parser says what an action computes;
/// this says where it is in the text, which the conversion to a typed part needs.
/// </summary>
internal static class TemplateScanner
{
    private static readonly HashSet<string> ControlWords = new(StringComparer.Ordinal) { "if", "else", "end", "range", "with", "break", "continue" };
    private static readonly HashSet<string> DefinitionWords = new(StringComparer.Ordinal) { "define", "block", "template" };

    public static IReadOnlyList<TemplateAction> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var actions = new List<TemplateAction>();
        var lines = new LineIndex(text);
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var inner = start + 2;
            var trimLeft = inner + 1 < text.Length && text[inner] == '-' && IsSpace(text[inner + 1]);
            if (trimLeft)
            {
                inner += 2;
            }

            int end;
            bool trimRight;
            ActionKind kind;
            string keyword;
            if (string.CompareOrdinal(text, inner, "/*", 0, 2) == 0)
            {
                var close = text.IndexOf("*/", inner + 2, StringComparison.Ordinal);
                (end, trimRight) = close < 0 ? (text.Length, false) : RightDelimiter(text, close + 2);
                kind = ActionKind.Comment;
                keyword = string.Empty;
            }
            else
            {
                (end, trimRight) = FindEnd(text, inner);
                keyword = FirstWord(text, inner);
                kind = ControlWords.Contains(keyword) ? ActionKind.Control
                    : DefinitionWords.Contains(keyword) ? ActionKind.Definition
                    : ActionKind.Output;
            }

            var (line, column) = lines.Position(start);
            actions.Add(new TemplateAction(actions.Count, start, end, kind, keyword, trimLeft, trimRight, line, column));
            pos = Math.Max(end, start + 2);
        }

        return actions;
    }

    private static (int End, bool TrimRight) RightDelimiter(string text, int at)
    {
        if (at + 3 < text.Length && IsSpace(text[at]) && text[at + 1] == '-' && text[at + 2] == '}' && text[at + 3] == '}')
        {
            return (at + 4, true);
        }

        return string.CompareOrdinal(text, at, "}}", 0, 2) == 0 ? (at + 2, false) : (Math.Min(text.Length, at), false);
    }

    // Inside an action: skip quoted literals, stop at "}}" (or " -}}").
    private static (int End, bool TrimRight) FindEnd(string text, int pos)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            switch (c)
            {
                case '"' or '\'':
                    pos = SkipQuoted(text, pos, c);
                    continue;
                case '`':
                    var close = text.IndexOf('`', pos + 1);
                    pos = close < 0 ? text.Length : close + 1;
                    continue;
            }

            if (IsSpace(c) && pos + 3 < text.Length && text[pos + 1] == '-' && text[pos + 2] == '}' && text[pos + 3] == '}')
            {
                return (pos + 4, true);
            }

            if (c == '}' && pos + 1 < text.Length && text[pos + 1] == '}')
            {
                return (pos + 2, false);
            }

            pos++;
        }

        return (text.Length, false);
    }

    private static int SkipQuoted(string text, int pos, char quote)
    {
        pos++;
        while (pos < text.Length && text[pos] != quote && text[pos] != '\n')
        {
            pos += text[pos] == '\\' ? 2 : 1;
        }

        return Math.Min(text.Length, pos + 1);
    }

    private static string FirstWord(string text, int pos)
    {
        while (pos < text.Length && IsSpace(text[pos]))
        {
            pos++;
        }

        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetter(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
}

/// <summary>Offsets to 1-based line and column.</summary>
internal sealed class LineIndex
{
    private readonly List<int> starts = [0];

    public LineIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - starts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column, clamped to the text.</summary>
    public int Offset(int line, int column, int length)
    {
        var l = Math.Clamp(line - 1, 0, starts.Count - 1);
        return Math.Clamp(starts[l] + Math.Max(0, column - 1), 0, length);
    }
}
