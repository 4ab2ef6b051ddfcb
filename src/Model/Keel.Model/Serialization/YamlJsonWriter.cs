using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Serialization;

/// <summary>
/// Writes JSON nodes as block-style YAML the way kubectl does: sequences not indented under their key,
/// multi-line strings as literal blocks, strings quoted only when a YAML reader could retype them.
/// </summary>
internal static class YamlJsonWriter
{
    /// <summary>One document, ending with a newline.</summary>
    public static string Write(JsonNode? root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteNode(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Several documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key, isKey: true);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                WriteValue(emitter, value);
                break;
        }
    }

    private static void WriteValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                emitter.Emit(new Scalar(null, null, "true", ScalarStyle.Plain, true, false));
                break;
            case JsonValueKind.False:
                emitter.Emit(new Scalar(null, null, "false", ScalarStyle.Plain, true, false));
                break;
            case JsonValueKind.Null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void WriteString(IEmitter emitter, string text, bool isKey = false)
    {
        // Literal blocks for multi-line values with content; keys and whitespace-only text stay quoted.
        var literal = !isKey && text.Contains('\n', StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(text) && !HasTrailingSpaceOnALine(text);
        var style = literal
            ? ScalarStyle.Literal
            : YamlScalars.NeedsQuotes(text) || text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    // A literal block cannot keep trailing spaces on a line reliably; such strings are written quoted.
    private static bool HasTrailingSpaceOnALine(string text) =>
        text.Split('\n').Any(line => line.EndsWith(' ') || line.EndsWith('\t'));
}
