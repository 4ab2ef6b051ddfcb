using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Topology;

/// <summary>
/// Renders JSON as YAML with YamlDotNet, keeping key order, so the same JSON always gives the same bytes. Objects and
/// arrays are block style, except small ones made of scalars and other small collections, which are written on one line
/// in flow style (<c>name: {type: string}</c>, <c>required: [name, port]</c>): deep schemas stay
/// readable and a CRD loses most of its indentation. Strings that a YAML reader would take for another type
/// (<c>"true"</c>, <c>"1"</c>, <c>"null"</c>) are quoted; multi-line strings use the literal block style.
/// </summary>
public static partial class JsonToYaml
{
    /// <summary>The longest collection written in flow style, in characters of its one-line form.</summary>
    public const int MaxFlowWidth = 100;

    public static string Convert(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, document.RootElement, flow: false);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(Emitter emitter, JsonElement element, bool flow)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                flow = flow || FitsOnOneLine(element);
                emitter.Emit(new MappingStart(null, null, isImplicit: true, flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    WriteString(emitter, property.Name);
                    Write(emitter, property.Value, flow);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                flow = flow || element.GetArrayLength() == 0 || FitsOnOneLine(element);
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    Write(emitter, item, flow);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                WriteString(emitter, element.GetString()!);
                break;
            case JsonValueKind.Number:
                emitter.Emit(new Scalar(null, null, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonValueKind.True:
                emitter.Emit(new Scalar(null, null, "true", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonValueKind.False:
                emitter.Emit(new Scalar(null, null, "false", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void WriteString(Emitter emitter, string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) && IsLiteralSafe(value))
        {
            emitter.Emit(new Scalar(null, null, value, ScalarStyle.Literal, isPlainImplicit: false, isQuotedImplicit: true));
            return;
        }

        var plainIsString = !LooksLikeOtherType().IsMatch(value);
        var style = plainIsString ? ScalarStyle.Any : ScalarStyle.SingleQuoted;
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: plainIsString, isQuotedImplicit: true));
    }

    private static bool FitsOnOneLine(JsonElement element) => FlowWidth(element, MaxFlowWidth) <= MaxFlowWidth;

    // The length of the element's one-line flow form (an estimate: scalars as their JSON text), or more than
    // budget when it does not fit or holds a multi-line string (literal blocks cannot stand in flow style).
    private static int FlowWidth(JsonElement element, int budget)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                var width = 2;
                var first = true;
                var items = element.ValueKind == JsonValueKind.Object
                    ? element.EnumerateObject().Select(p => (Key: (string?)p.Name, p.Value))
                    : element.EnumerateArray().Select(v => (Key: (string?)null, Value: v));
                foreach (var (key, value) in items)
                {
                    width += (first ? 0 : 2) + (key is null ? 0 : key.Length + 2) + FlowWidth(value, budget - width);
                    first = false;
                    if (width > budget)
                    {
                        return budget + 1;
                    }
                }

                return width;
            case JsonValueKind.String:
                var text = element.GetString()!;
                return text.Contains('\n', StringComparison.Ordinal) ? budget + 1 : text.Length + 2;
            default:
                return element.GetRawText().Length;
        }
    }

    // Literal blocks cannot carry trailing spaces on a line or leading blanks on the first line faithfully.
    private static bool IsLiteralSafe(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var line in value.Split('\n'))
        {
            if (line.EndsWith(' '))
            {
                return false;
            }
        }

        return true;
    }

    // YAML 1.1 and 1.2 plain scalars that resolve to null, booleans or numbers.
    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex LooksLikeOtherType();
}
