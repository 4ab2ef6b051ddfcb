using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Keel.Presets.Analyzers.Source;

/// <summary>
/// The value of a C# string literal token with, for every character of the value, its position in the source, so a
/// problem at offset N of a template is reported on the exact characters (escapes, verbatim and raw strings included).
/// </summary>
internal sealed class LiteralText
{
    private readonly SyntaxToken token;
    private readonly int[]? positions;
    private readonly int contentEnd;

    private LiteralText(SyntaxToken token, string value, int[]? positions)
    {
        this.token = token;
        Value = value;
        this.positions = positions;
        contentEnd = ContentEnd(token);
    }

    public string Value { get; }

    public static LiteralText From(SyntaxToken token)
    {
        var value = token.ValueText;
        var positions = Map(token, value);
        return new LiteralText(token, value, positions is not null && positions.Length == value.Length ? positions : null);
    }

    /// <summary>The source location of value characters [offset, offset + length); the whole literal when unmapped.</summary>
    public Location Locate(int offset, int length)
    {
        var tree = token.SyntaxTree;
        if (positions is null || tree is null || Value.Length == 0)
        {
            return token.GetLocation();
        }

        var first = Math.Max(0, Math.Min(offset, Value.Length - 1));
        var last = Math.Max(first, Math.Min(offset + Math.Max(length, 1), Value.Length) - 1);

        // A character ends where the next one starts (an escape sequence spans several source characters).
        var end = last + 1 < positions.Length ? positions[last + 1] : contentEnd;
        return Location.Create(tree, TextSpan.FromBounds(positions[first], Math.Max(end, positions[first] + 1)));
    }

    /// <summary>Where the literal's content ends in the source: before its closing quotes (and the line break before them).</summary>
    private static int ContentEnd(SyntaxToken token)
    {
        var text = token.Text;
        var end = text.Length;
        while (end > 0 && text[end - 1] == '"')
        {
            end--;
        }

        if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            end = text.LastIndexOf('\n', Math.Max(0, end - 1));
            end = end > 0 && text[end - 1] == '\r' ? end - 1 : end;
        }

        return token.SpanStart + Math.Max(0, end);
    }

    private static int[]? Map(SyntaxToken token, string value)
    {
        var text = token.Text;
        var start = token.SpanStart;
        return token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when text.StartsWith("@", StringComparison.Ordinal) => MapVerbatim(text, start),
            SyntaxKind.StringLiteralToken => MapRegular(text, start),
            SyntaxKind.SingleLineRawStringLiteralToken => MapSingleLineRaw(text, start),
            SyntaxKind.MultiLineRawStringLiteralToken => MapMultiLineRaw(text, start, value),
            _ => null,
        };
    }

    private static int[] MapVerbatim(string text, int start)
    {
        var result = new List<int>();
        for (var i = 2; i < text.Length - 1; i++)
        {
            result.Add(start + i);
            if (text[i] == '"')
            {
                i++;
            }
        }

        return [.. result];
    }

    private static int[]? MapRegular(string text, int start)
    {
        var result = new List<int>();
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\\')
            {
                result.Add(start + i);
                continue;
            }

            var escapeStart = start + i;
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (next)
            {
                case 'x':
                    var digits = 0;
                    while (digits < 4 && i + 2 + digits < text.Length - 1 && IsHex(text[i + 2 + digits]))
                    {
                        digits++;
                    }

                    result.Add(escapeStart);
                    i += 1 + digits;
                    break;
                case 'u':
                    result.Add(escapeStart);
                    i += 5;
                    break;
                case 'U':
                    // One or two UTF-16 units from 8 hex digits.
                    var code = Convert.ToInt32(text.Substring(i + 2, 8), 16);
                    result.Add(escapeStart);
                    if (code > 0xFFFF)
                    {
                        result.Add(escapeStart);
                    }

                    i += 9;
                    break;
                default:
                    result.Add(escapeStart);
                    i++;
                    break;
            }
        }

        return [.. result];
    }

    private static int[] MapSingleLineRaw(string text, int start)
    {
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }

        var result = new int[Math.Max(0, text.Length - (2 * quotes))];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = start + quotes + i;
        }

        return result;
    }

    private static int[]? MapMultiLineRaw(string text, int start, string value)
    {
        // """<newline> content lines (each prefixed by the closing line's indentation) <newline>indent""".
        var firstNewline = text.IndexOf('\n');
        var lastNewline = text.LastIndexOf('\n');
        if (firstNewline < 0 || lastNewline <= firstNewline)
        {
            return null;
        }

        var closing = text.Substring(lastNewline + 1);
        var indentation = closing.Length - closing.TrimStart(' ', '\t').Length;
        var contentEnd = lastNewline > 0 && text[lastNewline - 1] == '\r' ? lastNewline - 1 : lastNewline;
        var result = new List<int>(value.Length);
        var lineStart = firstNewline + 1;
        while (lineStart <= contentEnd)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > contentEnd)
            {
                lineEnd = contentEnd;
            }

            var contentStart = Math.Min(lineStart + indentation, lineEnd);
            for (var i = contentStart; i < lineEnd; i++)
            {
                result.Add(start + i);
            }

            if (lineEnd < contentEnd)
            {
                result.Add(start + lineEnd); // the newline (\r\n counts as its characters)
            }

            lineStart = lineEnd + 1;
        }

        return [.. result];
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
