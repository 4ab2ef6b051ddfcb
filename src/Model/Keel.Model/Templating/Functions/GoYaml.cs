using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// Helm's toYaml: sigs.k8s.io/yaml (the value goes through JSON, then out through go-yaml v2's
/// emitter) without the trailing newline. Reproduces v2's key order, its quoting decisions,
/// literal blocks for multi-line strings and folding of long scalars at 80 columns.
/// </summary>
internal static partial class GoYaml
{
    private const int BestWidth = 80;
    private const int BestIndent = 2;

    public static string ToYaml(TemplateValue value)
    {
        if (!GoJson.TryMarshal(value, escapeHtml: false, indent: null, out var json))
        {
            return string.Empty;
        }

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        var writer = new Writer();
        writer.Document(document.RootElement);
        var yaml = writer.ToString();
        return yaml.EndsWith('\n') ? yaml[..^1] : yaml;
    }

    private sealed class Writer
    {
        private readonly StringBuilder sb = new();
        private int column;

        public override string ToString() => sb.ToString();

        public void Document(JsonElement root)
        {
            if (IsBlockCollection(root))
            {
                Node(root, indent: 0, inline: false);
            }
            else
            {
                Scalar(root, indent: BestIndent, isKey: false);
                Break();
            }
        }

        private static bool IsBlockCollection(JsonElement e) =>
            (e.ValueKind == JsonValueKind.Object && e.EnumerateObject().Any())
            || (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0);

        private void Node(JsonElement e, int indent, bool inline)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                var first = true;
                foreach (var property in SortedProperties(e))
                {
                    if (!(first && inline))
                    {
                        Indent(indent);
                    }

                    first = false;
                    Scalar(property.Name, indent + BestIndent, isKey: true);
                    Write(":");
                    Value(property.Value, indent);
                }

                return;
            }

            var firstItem = true;
            foreach (var item in e.EnumerateArray())
            {
                if (!(firstItem && inline))
                {
                    Indent(indent);
                }

                firstItem = false;
                Write("- ");
                if (IsBlockCollection(item))
                {
                    Node(item, indent + BestIndent, inline: true);
                }
                else
                {
                    Scalar(item, indent + BestIndent, isKey: false);
                    Break();
                }
            }

        }

        private void Value(JsonElement value, int indent)
        {
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any())
            {
                Break();
                Node(value, indent + BestIndent, inline: false);
            }
            else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                Break();
                Node(value, indent, inline: false); // v2 writes sequences in mappings indentless
            }
            else
            {
                Write(" ");
                Scalar(value, indent + BestIndent, isKey: false);
                Break();
            }
        }

        private void Scalar(JsonElement e, int indent, bool isKey)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    Write("{}");
                    break;
                case JsonValueKind.Array:
                    Write("[]");
                    break;
                case JsonValueKind.String:
                    Scalar(e.GetString() ?? string.Empty, indent, isKey);
                    break;
                case JsonValueKind.Number:
                    Write(Number(e.GetRawText()));
                    break;
                case JsonValueKind.True:
                    Write("true");
                    break;
                case JsonValueKind.False:
                    Write("false");
                    break;
                default:
                    Write("null");
                    break;
            }
        }

        /// <summary>yaml.v2 re-reads the JSON number: integers stay integers, the rest become float64.</summary>
        private static string Number(string raw)
        {
            if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return i.ToString(CultureInfo.InvariantCulture);
            }

            if (ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                return u.ToString(CultureInfo.InvariantCulture);
            }

            var f = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsInfinity(f) ? (f > 0 ? ".inf" : "-.inf") : GoFloatFormat.Shortest(f);
        }

        private void Scalar(string s, int indent, bool isKey)
        {
            var analysis = Analyze(s);
            var canUsePlain = ResolvesToString(s) && !Base60Float().IsMatch(s);
            if (s.Contains('\n', StringComparison.Ordinal) && !isKey && analysis.BlockAllowed)
            {
                Literal(s, indent);
                return;
            }

            if (s.Contains('\n', StringComparison.Ordinal) || !canUsePlain)
            {
                DoubleQuoted(s, indent, allowBreaks: !isKey);
                return;
            }

            if (analysis.BlockPlainAllowed && !(s.Length == 0 && isKey))
            {
                Plain(s, indent, allowBreaks: !isKey);
            }
            else if (analysis.SingleQuotedAllowed)
            {
                SingleQuoted(s, indent, allowBreaks: !isKey);
            }
            else
            {
                DoubleQuoted(s, indent, allowBreaks: !isKey);
            }
        }

        private void Plain(string s, int indent, bool allowBreaks)
        {
            var spaces = false;
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == ' ')
                {
                    if (allowBreaks && !spaces && column > BestWidth && !(i + 1 < s.Length && s[i + 1] == ' '))
                    {
                        Indent(indent);
                    }
                    else
                    {
                        Write(" ");
                    }

                    spaces = true;
                }
                else
                {
                    WriteChar(s, ref i);
                    spaces = false;
                }
            }
        }

        private void SingleQuoted(string s, int indent, bool allowBreaks)
        {
            Write("'");
            var spaces = false;
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == ' ')
                {
                    if (allowBreaks && !spaces && column > BestWidth && i != 0 && i != s.Length - 1 && s[i + 1] != ' ')
                    {
                        Indent(indent);
                    }
                    else
                    {
                        Write(" ");
                    }

                    spaces = true;
                }
                else
                {
                    if (s[i] == '\'')
                    {
                        Write("'");
                    }

                    WriteChar(s, ref i);
                    spaces = false;
                }
            }

            Write("'");
        }

        private void DoubleQuoted(string s, int indent, bool allowBreaks)
        {
            Write("\"");
            var spaces = false;
            for (var i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    c = char.ConvertToUtf32(s[i], s[i + 1]);
                }

                if (!IsPrintable(c) || c == 0xFEFF || c is '\n' or '"' or '\\' or 0x85 or 0x2028 or 0x2029)
                {
                    Write(c switch
                    {
                        0 => "\\0",
                        7 => "\\a",
                        8 => "\\b",
                        9 => "\\t",
                        0xA => "\\n",
                        0xB => "\\v",
                        0xC => "\\f",
                        0xD => "\\r",
                        0x1B => "\\e",
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        0x85 => "\\N",
                        0xA0 => "\\_",
                        0x2028 => "\\L",
                        0x2029 => "\\P",
                        <= 0xFF => "\\x" + c.ToString("X2", CultureInfo.InvariantCulture),
                        <= 0xFFFF => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture),
                        _ => "\\U" + c.ToString("X8", CultureInfo.InvariantCulture),
                    });
                    if (c > 0xFFFF)
                    {
                        i++;
                    }

                    spaces = false;
                }
                else if (c == ' ')
                {
                    if (allowBreaks && !spaces && column > BestWidth && i > 0 && i < s.Length - 1)
                    {
                        Indent(indent);
                        if (s[i + 1] == ' ')
                        {
                            Write("\\");
                        }
                    }
                    else
                    {
                        Write(" ");
                    }

                    spaces = true;
                }
                else
                {
                    WriteChar(s, ref i);
                    spaces = false;
                }
            }

            Write("\"");
        }

        private void Literal(string s, int indent)
        {
            Write("|");
            if (s[0] is ' ' or '\n')
            {
                Write(BestIndent.ToString(CultureInfo.InvariantCulture));
            }

            if (!s.EndsWith('\n'))
            {
                Write("-");
            }
            else if (s.Length == 1 || s[^2] == '\n')
            {
                Write("+");
            }

            Break();
            // The final line break (if any) is written by the caller, like every scalar's.
            var body = s.EndsWith('\n') ? s[..^1] : s;
            var breaks = true;
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\n')
                {
                    Break();
                    breaks = true;
                }
                else
                {
                    if (breaks)
                    {
                        Write(new string(' ', indent));
                    }

                    WriteChar(body, ref i);
                    breaks = false;
                }
            }
        }

        private void Indent(int indent)
        {
            if (column > 0)
            {
                Break();
            }

            Write(new string(' ', indent));
        }

        private void Break()
        {
            sb.Append('\n');
            column = 0;
        }

        private void Write(string text)
        {
            sb.Append(text);
            column += text.Length;
        }

        private void WriteChar(string s, ref int i)
        {
            sb.Append(s[i]);
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                sb.Append(s[++i]);
            }

            column++;
        }
    }

    private static IEnumerable<JsonProperty> SortedProperties(JsonElement e)
    {
        var properties = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            properties[p.Name] = p;
        }

        return properties.Values.OrderBy(p => p.Name, KeyComparer.Instance);
    }

    /// <summary>yaml.v2's keyList.Less for string keys: letters before others, digit runs compared as numbers.</summary>
    private sealed class KeyComparer : IComparer<string>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            if (string.Equals(x, y, StringComparison.Ordinal))
            {
                return 0;
            }

            return Less(x!, y!) ? -1 : 1;
        }

        private static bool Less(string a, string b)
        {
            var ar = a.EnumerateRunes().Select(r => r.Value).ToArray();
            var br = b.EnumerateRunes().Select(r => r.Value).ToArray();
            for (var i = 0; i < ar.Length && i < br.Length; i++)
            {
                if (ar[i] == br[i])
                {
                    continue;
                }

                var al = Rune.IsLetter(new Rune(ar[i]));
                var bl = Rune.IsLetter(new Rune(br[i]));
                if (al && bl)
                {
                    return ar[i] < br[i];
                }

                if (al || bl)
                {
                    return bl;
                }

                long an = 0;
                long bn = 0;
                if (ar[i] == '0' || br[i] == '0')
                {
                    for (var j = i - 1; j >= 0 && IsDigit(ar[j]); j--)
                    {
                        if (ar[j] != '0')
                        {
                            an = 1;
                            bn = 1;
                            break;
                        }
                    }
                }

                int ai;
                int bi;
                for (ai = i; ai < ar.Length && IsDigit(ar[ai]); ai++)
                {
                    an = unchecked((an * 10) + (ar[ai] - '0'));
                }

                for (bi = i; bi < br.Length && IsDigit(br[bi]); bi++)
                {
                    bn = unchecked((bn * 10) + (br[bi] - '0'));
                }

                if (an != bn)
                {
                    return an < bn;
                }

                if (ai != bi)
                {
                    return ai < bi;
                }

                return ar[i] < br[i];
            }

            return ar.Length < br.Length;
        }

        private static bool IsDigit(int r) => Rune.IsDigit(new Rune(r));
    }
}
