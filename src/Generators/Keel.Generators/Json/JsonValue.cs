using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Keel.Generators.Json;

/// <summary>
/// A small JSON tree for building schemas and checking defaults (the generator cannot depend on
/// System.Text.Json). Objects write their keys in ordinal order, so output is deterministic.
/// </summary>
internal abstract class JsonValue
{
    public abstract void Write(StringBuilder output);

    public override string ToString()
    {
        var output = new StringBuilder();
        Write(output);
        return output.ToString();
    }

    public static JsonValue From(string value) => new JsonString(value);

    public static JsonValue From(bool value) => value ? JsonLiteral.True : JsonLiteral.False;

    public static JsonValue From(long value) => new JsonNumber(value.ToString(CultureInfo.InvariantCulture));

    public static JsonValue From(double value) => new JsonNumber(FormatNumber(value));

    public static string FormatNumber(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}

internal sealed class JsonObject : JsonValue
{
    private readonly SortedDictionary<string, JsonValue> properties = new(StringComparer.Ordinal);

    public int Count => properties.Count;

    public IEnumerable<KeyValuePair<string, JsonValue>> Properties => properties;

    public JsonValue? this[string name]
    {
        get => properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                properties.Remove(name);
            }
            else
            {
                properties[name] = value;
            }
        }
    }

    public bool Has(string name) => properties.ContainsKey(name);

    public void Remove(string name) => properties.Remove(name);

    public override void Write(StringBuilder output)
    {
        output.Append('{');
        var first = true;
        foreach (var pair in properties)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            WriteString(output, pair.Key);
            output.Append(':');
            pair.Value.Write(output);
        }

        output.Append('}');
    }
}

internal sealed class JsonArray : JsonValue
{
    public JsonArray(IEnumerable<JsonValue> items) => Items = items.ToList();

    public List<JsonValue> Items { get; }

    public override void Write(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            Items[i].Write(output);
        }

        output.Append(']');
    }
}

internal sealed class JsonString : JsonValue
{
    public JsonString(string value) => Value = value;

    public string Value { get; }

    public override void Write(StringBuilder output) => WriteString(output, Value);
}

/// <summary>A number kept as its JSON text (so 1.0 and 1 stay as written).</summary>
internal sealed class JsonNumber : JsonValue
{
    public JsonNumber(string text) => Text = text;

    public string Text { get; }

    public bool IsInteger => Text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

    public override void Write(StringBuilder output) => output.Append(Text);
}

internal sealed class JsonLiteral : JsonValue
{
    public static readonly JsonLiteral True = new("true");
    public static readonly JsonLiteral False = new("false");
    public static readonly JsonLiteral Null = new("null");

    private JsonLiteral(string text) => Text = text;

    public string Text { get; }

    public override void Write(StringBuilder output) => output.Append(Text);
}
