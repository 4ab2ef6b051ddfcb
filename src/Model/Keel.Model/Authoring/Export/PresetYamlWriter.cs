using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Authoring.Export;

/// <summary>
/// Writes preset JSON as YAML the way presets are written by hand: sequences indented under their key,
/// <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and <c>name</c> first, strings holding templates single-quoted,
/// strings a YAML reader could retype double-quoted, multi-line strings as literal blocks.
/// In <see cref="PresetForm.ConfigMap"/> mode the text is itself a template: a template in an integer field
/// (a placeholder number, see <see cref="Template"/>) is written bare, <c>containerPort: {{ "http" | getPort }}</c>,
/// so that the rendered YAML holds the number.
/// </summary>
internal sealed class PresetYamlWriter
{
    private static readonly string[] LeadingKeys = ["apiVersion", "kind", "metadata", "name"];

    private readonly PresetForm form;
    private readonly string context;
    private readonly Dictionary<string, string> bareTemplates = new(StringComparer.Ordinal);

    private PresetYamlWriter(PresetForm form, string context)
    {
        this.form = form;
        this.context = context;
    }

    /// <summary>One YAML document ending with a newline; <paramref name="context"/> names the part in errors.</summary>
    public static string Write(JsonNode? node, PresetForm form, string context)
    {
        var writer = new PresetYamlWriter(form, context);
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024).WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        writer.WriteNode(emitter, node, "");
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var yaml = new StringBuilder(text.ToString());
        foreach (var (placeholder, template) in writer.bareTemplates)
        {
            yaml.Replace(placeholder, template);
        }

        return yaml.ToString();
    }

    private void WriteNode(IEmitter emitter, JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in Ordered(obj))
                {
                    WriteString(emitter, key, path + "." + key, isKey: true);
                    WriteNode(emitter, value, path + "." + key);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                for (var i = 0; i < array.Count; i++)
                {
                    WriteNode(emitter, array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                WriteValue(emitter, value, path);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Ordered(JsonObject obj) =>
        LeadingKeys.Where(obj.ContainsKey).Select(k => new KeyValuePair<string, JsonNode?>(k, obj[k]))
            .Concat(obj.Where(p => Array.IndexOf(LeadingKeys, p.Key) < 0));

    private void WriteValue(IEmitter emitter, JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>(), path);
                break;
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                var number = value.ToJsonString();
                if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && TemplateSlots.TryGetTemplate(n, out var template))
                {
                    WriteTemplateInNumberField(emitter, template, path);
                    return;
                }

                emitter.Emit(new Scalar(null, null, number, ScalarStyle.Plain, true, false));
                break;
        }
    }

    private void WriteTemplateInNumberField(IEmitter emitter, string template, string path)
    {
        if (form == PresetForm.BaseConfig)
        {
            // The BaseConfig schema takes a template string where the kind wants an integer.
            WriteString(emitter, template, path);
            return;
        }

        if (template.Contains('\n', StringComparison.Ordinal))
        {
            throw new PresetExportException($"{context}: the template in integer field {path.TrimStart('.')} spans lines; the ConfigMap form needs it on one line");
        }

        var placeholder = "keeltemplateplaceholder" + bareTemplates.Count.ToString("D6", CultureInfo.InvariantCulture);
        bareTemplates[placeholder] = template;
        emitter.Emit(new Scalar(null, null, placeholder, ScalarStyle.Plain, true, false));
    }

    private void WriteString(IEmitter emitter, string text, string path, bool isKey = false)
    {
        if (TemplateSlots.FindFormattedPlaceholder(text) is { } misused)
        {
            throw new PresetExportException(
                $"{context}: field {path.TrimStart('.')} holds the placeholder number of the template {misused} written as a number; "
                + "format an int that may hold a template with Template.Text(value)");
        }

        var multiLine = text.Contains('\n', StringComparison.Ordinal);
        ScalarStyle style;
        if (!isKey && multiLine && !string.IsNullOrWhiteSpace(text) && !HasTrailingSpaceOnALine(text))
        {
            style = ScalarStyle.Literal;
        }
        else if (text.Contains("{{", StringComparison.Ordinal) && !multiLine)
        {
            CheckQuotable(text, path);
            style = ScalarStyle.SingleQuoted;
        }
        else if (YamlScalars.NeedsQuotes(text) || multiLine)
        {
            style = ScalarStyle.DoubleQuoted;
        }
        else
        {
            style = ScalarStyle.Any;
        }

        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    /// <summary>
    /// In the ConfigMap form the YAML is rendered before it is read, so a single-quoted template must survive the
    /// quoting untouched: a single quote inside an action would be doubled and break the template.
    /// </summary>
    private void CheckQuotable(string text, string path)
    {
        if (form != PresetForm.ConfigMap)
        {
            return;
        }

        for (var start = text.IndexOf("{{", StringComparison.Ordinal); start >= 0; start = text.IndexOf("{{", start + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            var action = end < 0 ? text[start..] : text[start..(end + 2)];
            if (action.Contains('\'', StringComparison.Ordinal))
            {
                throw new PresetExportException(
                    $"{context}: field {path.TrimStart('.')} holds the template action {action} with a single quote, which the ConfigMap form cannot quote; export the BaseConfig form");
            }
        }
    }

    // A literal block cannot keep trailing spaces on a line reliably; such strings are written quoted.
    private static bool HasTrailingSpaceOnALine(string text) =>
        text.Split('\n').Any(line => line.EndsWith(' ') || line.EndsWith('\t'));
}
