using System.Globalization;
using System.Text;
using System.Text.Json;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// Go's encoding/json for template values: sorted map keys, HTML-safe escaping, Go's float
/// spelling; and decoding into <c>map[string]interface {}</c>/<c>[]interface {}</c>/float64.
/// </summary>
internal static class GoJson
{
    private const int MaxDepth = 100;

    /// <summary>json.Marshal (or MarshalIndent); false for values Go cannot encode (NaN, complex, cycles).</summary>
    public static bool TryMarshal(TemplateValue value, bool escapeHtml, string? indent, out string json)
    {
        var sb = new StringBuilder();
        var ok = Write(sb, value.Unboxed(), escapeHtml, indent, 0);
        json = ok ? sb.ToString() : string.Empty;
        return ok;
    }

    private static bool Write(StringBuilder sb, TemplateValue value, bool escapeHtml, string? indent, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (value.Kind)
        {
            case GoKind.Invalid or GoKind.Nil:
                sb.Append("null");
                return true;
            case GoKind.Bool:
                sb.Append(value.AsBool ? "true" : "false");
                return true;
            case GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8:
                sb.Append(value.AsInteger.ToString(CultureInfo.InvariantCulture));
                return true;
            case GoKind.Float64:
                return WriteFloat(sb, value.AsFloat);
            case GoKind.String:
                WriteString(sb, value.AsString, escapeHtml);
                return true;
            case GoKind.List:
                var list = value.AsList;
                if (list.IsNil)
                {
                    sb.Append("null");
                    return true;
                }

                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, depth + 1);
                    if (!Write(sb, list.Items[i].Unboxed(), escapeHtml, indent, depth + 1))
                    {
                        return false;
                    }
                }

                if (list.Count > 0)
                {
                    NewLine(sb, indent, depth);
                }

                sb.Append(']');
                return true;
            case GoKind.Map:
                var map = value.AsMap;
                if (map.IsNil)
                {
                    sb.Append("null");
                    return true;
                }

                return WriteObject(sb, map.SortedKeys().Select(k => (k, map.TryGetValue(k, out var v) ? v : default)), escapeHtml, indent, depth);
            case GoKind.Record:
                var record = value.AsRecord;
                return WriteObject(sb, record.JsonFields().Select(f => (f.Key, f.Value)), escapeHtml, indent, depth);
            default:
                return false;
        }
    }

    private static bool WriteObject(StringBuilder sb, IEnumerable<(string Key, TemplateValue Value)> entries, bool escapeHtml, string? indent, int depth)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, item) in entries)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            NewLine(sb, indent, depth + 1);
            WriteString(sb, key, escapeHtml);
            sb.Append(indent is null ? ":" : ": ");
            if (!Write(sb, item.Unboxed(), escapeHtml, indent, depth + 1))
            {
                return false;
            }
        }

        if (!first)
        {
            NewLine(sb, indent, depth);
        }

        sb.Append('}');
        return true;
    }

    private static void NewLine(StringBuilder sb, string? indent, int depth)
    {
        if (indent is null)
        {
            return;
        }

        sb.Append('\n');
        for (var i = 0; i < depth; i++)
        {
            sb.Append(indent);
        }
    }

    private static bool WriteFloat(StringBuilder sb, double f)
    {
        if (double.IsNaN(f) || double.IsInfinity(f))
        {
            return false;
        }

        var abs = Math.Abs(f);
        var useExponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        var text = GoFloatFormat.FormatSigned(f, useExponent ? 'e' : 'f', -1);
        text = text[0] == '+' ? text[1..] : text;
        if (useExponent)
        {
            var n = text.Length;
            if (n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
            {
                text = text[..(n - 2)] + text[n - 1];
            }
        }

        sb.Append(text);
        return true;
    }

    internal static void WriteString(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append(@"\\"); continue;
                case '\n': sb.Append(@"\n"); continue;
                case '\r': sb.Append(@"\r"); continue;
                case '\t': sb.Append(@"\t"); continue;
                case '\b': sb.Append(@"\b"); continue;
                case '\f': sb.Append(@"\f"); continue;
                case '\u2028': sb.Append(@"\u2028"); continue;
                case '\u2029': sb.Append(@"\u2029"); continue;
            }

            if (c < 0x20 || (escapeHtml && c is '<' or '>' or '&'))
            {
                sb.Append(@"\u00").Append("0123456789abcdef"[c >> 4]).Append("0123456789abcdef"[c & 0xF]);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append(@"\ufffd");
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
    }

    /// <summary>sprig's fromJson: json.Unmarshal into interface{}; invalid input gives nil.</summary>
    public static TemplateValue Unmarshal(IFunctionContext context, string json)
    {
        context.Charge(json.Length);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Convert(document.RootElement);
        }
        catch (JsonException)
        {
            return TemplateValue.Nil;
        }
    }

    private static TemplateValue Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new TemplateMap(GoKind.Nil);
                foreach (var property in element.EnumerateObject())
                {
                    map.Set(property.Name, Convert(property.Value));
                }

                return TemplateValue.FromMap(map);
            case JsonValueKind.Array:
                return TemplateValue.FromList(TemplateList.OfAny(element.EnumerateArray().Select(Convert).ToArray()));
            case JsonValueKind.String:
                return TemplateValue.FromString(element.GetString() ?? string.Empty);
            case JsonValueKind.Number:
                return TemplateValue.FromFloat(double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return TemplateValue.True;
            case JsonValueKind.False:
                return TemplateValue.False;
            default:
                return TemplateValue.Nil;
        }
    }
}
