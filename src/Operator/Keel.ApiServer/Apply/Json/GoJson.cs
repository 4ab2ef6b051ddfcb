using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Apply.Json;

/// <summary>
/// Writes JSON the way the Kubernetes API server's Go encoder does, so text that ends up in
/// <c>fieldsV1</c> keys and conflict messages is byte-identical to a real cluster's:
/// compact, HTML-sensitive characters escaped as <c>\u003c</c>, integral numbers without a fraction.
/// </summary>
internal static class GoJson
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case JsonKind.Null:
                builder.Append("null");
                break;
            case JsonKind.Boolean:
                builder.Append(JsonValues.AsBoolean(node!) ? "true" : "false");
                break;
            case JsonKind.String:
                WriteString(builder, node!.GetValue<string>());
                break;
            case JsonKind.Number:
                builder.Append(Number(node!));
                break;
            case JsonKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in (JsonArray)node!)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    Write(builder, item);
                }
                builder.Append(']');
                break;
            default:
                // Go marshals maps with sorted keys.
                builder.Append('{');
                var firstProperty = true;
                foreach (var (name, value) in ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!firstProperty)
                    {
                        builder.Append(',');
                    }
                    firstProperty = false;
                    WriteString(builder, name);
                    builder.Append(':');
                    Write(builder, value);
                }
                builder.Append('}');
                break;
        }
    }

    /// <summary>Numbers as Go prints a decoded int64 or float64: integral values without a fraction.</summary>
    public static string Number(JsonNode node)
    {
        var text = JsonValues.NumberText(node);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact == decimal.Truncate(exact) && Math.Abs(exact) < 1e21m)
        {
            return decimal.Truncate(exact).ToString(CultureInfo.InvariantCulture);
        }
        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return real.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }

    /// <summary>Go's <c>%q</c>: a double-quoted string with Go escapes (used in conflict messages and paths).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        builder.Append(rune.Value < 0x10000
                            ? "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture)
                            : "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// A value as structured-merge-diff prints it inside a path (<c>[name="vllm"]</c>, <c>[=80]</c>):
    /// strings quoted, numbers and booleans bare, lists and maps in brackets.
    /// </summary>
    public static string Display(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Null => "null",
        JsonKind.String => Quote(node!.GetValue<string>()),
        JsonKind.Number => Number(node!),
        JsonKind.Boolean => JsonValues.AsBoolean(node!) ? "true" : "false",
        JsonKind.Array => "[" + string.Join(",", ((JsonArray)node!).Select(Display)) + "]",
        _ => "{" + string.Join(";", ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + Display(p.Value))) + "}",
    };
}
