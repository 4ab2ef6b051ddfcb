using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Migration;

/// <summary>
/// Writes a migrated BaseConfig as the manifest a person reviews and applies: a comment header that says where it
/// came from and what the migration did to each key, then kubectl-style YAML in which every one-line template is
/// single-quoted (as docs/user-guide/baseconfig.md writes them: <c>port: '{{ "http" | getPort }}'</c>) and raw
/// templates are literal blocks.
/// </summary>
public static class MigrationYaml
{
    public static string Write(MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Manifest is null)
        {
            throw new ArgumentException("the migration failed; there is no BaseConfig to write", nameof(result));
        }

        var sb = new StringBuilder();
        AppendHeader(sb, result);
        sb.Append(WriteNode(result.Manifest));
        return sb.ToString();
    }

    private static void AppendHeader(StringBuilder sb, MigrationResult result)
    {
        var version = result.SourceResourceVersion is { Length: > 0 } rv ? $" (resourceVersion {rv})" : string.Empty;
        sb.Append("# Migrated by `modelservice migrate` from ").Append(result.Source).Append(version).Append(".\n");
        sb.Append("# Rendering a ModelService against this BaseConfig gives the same children as against the ConfigMap\n");
        sb.Append("# (`modelservice migrate ... --check MODELSERVICE.yaml` proves it for your ModelServices).\n");
        foreach (var part in result.Parts)
        {
            sb.Append("#   ").Append(part.Key).Append(": ").Append(Describe(part)).Append('\n');
        }

        var remarks = result.Notes.Where(n => n.Severity == MigrationSeverity.Warning || n.Code is MigrationCodes.LegacyApiUpgraded or MigrationCodes.RawTemplate).ToList();
        if (remarks.Count > 0)
        {
            sb.Append("#\n");
            foreach (var note in remarks)
            {
                sb.Append("# ").Append(note.ToString().Replace('\n', ' ')).Append('\n');
            }
        }
    }

    private static string Describe(PartMigration part) => part.Outcome switch
    {
        PartOutcome.Typed => "spec." + part.Field,
        PartOutcome.Upgraded => "spec." + part.Field + part.Key switch
        {
            "inferencePool" => " (upgraded from inference.networking.x-k8s.io/v1alpha2 to inference.networking.k8s.io/v1)",
            "inferenceModel" => " (the legacy InferenceModel as an InferenceObjective)",
            _ => " (its backendRef to the pool now names inference.networking.k8s.io)",
        },
        PartOutcome.Raw => "spec.templates." + part.Key + " (raw template text, rendered and read as the ConfigMap value; why: see below)",
        PartOutcome.Absent => "left out (empty)",
        PartOutcome.Dropped => "left out (see the " + MigrationAnnotations.Dropped + " annotation)",
        _ => part.Outcome.ToString(),
    };

    private static string WriteNode(JsonNode root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Write(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    String(emitter, key, isKey: true);
                    Write(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                String(emitter, value.GetValue<string>(), isKey: false);
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(null, null, value.GetValueKind() switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => "null",
                    _ => value.ToJsonString(),
                }, ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void String(IEmitter emitter, string text, bool isKey)
    {
        var multiLine = text.Contains('\n', StringComparison.Ordinal);
        ScalarStyle style;
        if (!isKey && multiLine && !string.IsNullOrWhiteSpace(text) && !text.Split('\n').Any(l => l.EndsWith(' ') || l.EndsWith('\t')))
        {
            style = ScalarStyle.Literal;
        }
        else if (!isKey && !multiLine && text.Contains("{{", StringComparison.Ordinal))
        {
            style = ScalarStyle.SingleQuoted;
        }
        else
        {
            style = YamlScalars.NeedsQuotes(text) || multiLine ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        }

        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }
}
