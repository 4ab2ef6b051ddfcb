using System.Text;

namespace Keel.Model.Migration.Templates;

/// <summary>
/// A preset value with every action replaced by a placeholder word of the same length, so the text parses as YAML
/// without rendering and every line and column still points at the original. A placeholder is a marker, the action's
/// number and filler (<c>§0¶¶¶¶¶¶¶</c>); marker and filler are characters the value does not contain, so each
/// placeholder is found again exactly once. A comment that stands on a line of its own becomes spaces, as it does
/// when rendered.
/// </summary>
internal sealed class PlaceholderText
{
    private static readonly (char Marker, char Filler)[] Alphabets = [('§', '¶'), ('¤', 'µ'), ('\u2E1C', '\u2E1D'), ('\u00BC', '\u00BD')];

    private readonly Dictionary<int, AnalyzedAction> byIndex;
    private readonly char marker;
    private readonly char filler;

    private PlaceholderText(string text, char marker, char filler, Dictionary<int, AnalyzedAction> byIndex)
    {
        Text = text;
        this.marker = marker;
        this.filler = filler;
        this.byIndex = byIndex;
    }

    /// <summary>The value with placeholders: as long as the original, with the same line breaks.</summary>
    public string Text { get; }

    /// <summary>The actions that have a placeholder (every action but comments on lines of their own).</summary>
    public IEnumerable<AnalyzedAction> Placed => byIndex.Values;

    /// <summary>Builds the placeholder text, or null (with the reason) when no placeholder fits.</summary>
    public static PlaceholderText? Build(string source, IReadOnlyList<AnalyzedAction> actions, IReadOnlySet<int> ownLine, out string? failure)
    {
        var alphabet = Alphabets.FirstOrDefault(a => source.IndexOf(a.Marker) < 0 && source.IndexOf(a.Filler) < 0);
        if (alphabet == default)
        {
            failure = "the value uses every character the conversion could mark template actions with";
            return null;
        }

        var chars = source.ToCharArray();
        var placed = new Dictionary<int, AnalyzedAction>();
        foreach (var analyzed in actions)
        {
            var action = analyzed.Action;
            if (action.Kind == ActionKind.Comment && ownLine.Contains(action.Index))
            {
                for (var i = action.Start; i < action.End; i++)
                {
                    chars[i] = chars[i] == '\n' ? '\n' : ' ';
                }

                continue;
            }

            var id = Base36(action.Index);
            if (id.Length + 2 > action.Length)
            {
                failure = "the value has too many template actions to convert";
                return null;
            }

            chars[action.Start] = alphabet.Marker;
            for (var i = 0; i < id.Length; i++)
            {
                chars[action.Start + 1 + i] = id[i];
            }

            for (var i = action.Start + 1 + id.Length; i < action.End; i++)
            {
                chars[i] = alphabet.Filler;
            }

            placed[action.Index] = analyzed;
        }

        failure = null;
        return new PlaceholderText(new string(chars), alphabet.Marker, alphabet.Filler, placed);
    }

    /// <summary>The actions whose placeholders occur in <paramref name="value"/>, in order of occurrence.</summary>
    public IReadOnlyList<AnalyzedAction> In(string value)
    {
        var found = new List<AnalyzedAction>();
        var pos = value.IndexOf(marker);
        while (pos >= 0)
        {
            var end = pos + 1;
            while (end < value.Length && value[end] != filler)
            {
                end++;
            }

            if (byIndex.TryGetValue(ParseBase36(value.AsSpan(pos + 1, end - pos - 1)), out var action))
            {
                found.Add(action);
            }

            pos = value.IndexOf(marker, end);
        }

        return found;
    }

    /// <summary>The placeholder standing for <paramref name="analyzed"/>.</summary>
    public string PlaceholderOf(AnalyzedAction analyzed)
    {
        var id = Base36(analyzed.Action.Index);
        return marker + id + new string(filler, analyzed.Action.Length - 1 - id.Length);
    }

    public bool HasPlaceholder(string value) => value.IndexOf(marker) >= 0;

    /// <summary><paramref name="value"/> with each placeholder replaced by its action's text.</summary>
    public string Restore(string value, string source)
    {
        if (!HasPlaceholder(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        var pos = 0;
        while (pos < value.Length)
        {
            var c = value[pos];
            if (c != marker)
            {
                sb.Append(c);
                pos++;
                continue;
            }

            var end = pos + 1;
            while (end < value.Length && value[end] != filler)
            {
                end++;
            }

            var action = byIndex[ParseBase36(value.AsSpan(pos + 1, end - pos - 1))].Action;
            sb.Append(action.Text(source));
            pos = end;
            while (pos < value.Length && value[pos] == filler)
            {
                pos++;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="value"/> is exactly one placeholder.</summary>
    public bool IsWhole(string value) =>
        value.Length > 1 && value[0] == marker && value.IndexOf(marker, 1) < 0 && value[^1] == filler;

    private static string Base36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (value == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        while (value > 0)
        {
            sb.Insert(0, digits[value % 36]);
            value /= 36;
        }

        return sb.ToString();
    }

    private static int ParseBase36(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            value = (value * 36) + (c <= '9' ? c - '0' : c - 'a' + 10);
        }

        return value;
    }
}
