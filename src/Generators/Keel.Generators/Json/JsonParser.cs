using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Keel.Generators.Json;

/// <summary>A strict JSON parser (RFC 8259) for attribute arguments written as JSON.</summary>
internal sealed class JsonParser
{
    private readonly string text;
    private int position;

    private JsonParser(string text) => this.text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why.</summary>
    public static JsonValue? TryParse(string text, out string? error)
    {
        var parser = new JsonParser(text);
        try
        {
            var value = parser.ParseValue();
            parser.SkipWhitespace();
            if (parser.position != text.Length)
            {
                throw parser.Fail("unexpected text after the value");
            }

            error = null;
            return value;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private JsonValue ParseValue()
    {
        SkipWhitespace();
        if (position >= text.Length)
        {
            throw Fail("a value is missing");
        }

        var c = text[position];
        switch (c)
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"': return new JsonString(ParseString());
            case 't': Expect("true"); return JsonLiteral.True;
            case 'f': Expect("false"); return JsonLiteral.False;
            case 'n': Expect("null"); return JsonLiteral.Null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Fail($"unexpected '{c}'");
        }
    }

    private JsonObject ParseObject()
    {
        var result = new JsonObject();
        position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Fail("an object key must be a string");
            }

            var key = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Fail("':' expected after an object key");
            }

            position++;
            if (result.Has(key))
            {
                throw Fail($"duplicate key '{key}'");
            }

            result[key] = ParseValue();
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                throw Fail("',' or '}' expected in an object");
            }
        }
    }

    private JsonArray ParseArray()
    {
        var items = new List<JsonValue>();
        position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            position++;
            return new JsonArray(items);
        }

        while (true)
        {
            items.Add(ParseValue());
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == ']')
            {
                return new JsonArray(items);
            }

            if (next != ',')
            {
                throw Fail("',' or ']' expected in an array");
            }
        }
    }

    private string ParseString()
    {
        var result = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return result.ToString();
            }

            if (c < 0x20)
            {
                throw Fail("control character in a string");
            }

            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            var escape = text[position++];
            switch (escape)
            {
                case '"': result.Append('"'); break;
                case '\\': result.Append('\\'); break;
                case '/': result.Append('/'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'u':
                    if (position + 4 > text.Length || !int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Fail("bad \\u escape");
                    }

                    result.Append((char)code);
                    position += 4;
                    break;
                default:
                    throw Fail($"bad escape '\\{escape}'");
            }
        }

        throw Fail("unterminated string");
    }

    private JsonNumber ParseNumber()
    {
        var start = position;
        if (Peek() == '-')
        {
            position++;
        }

        if (Peek() == '0')
        {
            position++;
        }
        else if (!Digits())
        {
            throw Fail("digits expected");
        }

        if (Peek() == '.')
        {
            position++;
            if (!Digits())
            {
                throw Fail("digits expected after '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            position++;
            if (Peek() is '+' or '-')
            {
                position++;
            }

            if (!Digits())
            {
                throw Fail("digits expected in the exponent");
            }
        }

        return new JsonNumber(text.Substring(start, position - start));
    }

    private bool Digits()
    {
        var start = position;
        while (position < text.Length && text[position] >= '0' && text[position] <= '9')
        {
            position++;
        }

        return position > start;
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Fail($"'{literal}' expected");
        }

        position += literal.Length;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipWhitespace()
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
        {
            position++;
        }
    }

    private FormatException Fail(string message) => new($"{message} at offset {position.ToString(CultureInfo.InvariantCulture)}");
}
