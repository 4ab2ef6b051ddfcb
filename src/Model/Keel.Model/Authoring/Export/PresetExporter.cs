using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;

namespace Keel.Model.Authoring.Export;

/// <summary>
/// Turns a <see cref="Preset"/>'s typed parts into a BaseConfig or a legacy ConfigMap. Templates standing in integer
/// fields (placeholder numbers) become template strings in the BaseConfig form and bare templates in the ConfigMap
/// form; both render to the same children (tests/Keel.Model.Tests/Authoring and samples/preset-sdk prove it).
/// </summary>
internal static class PresetExporter
{
    /// <summary>The typed parts in the order the ConfigMap form lists them, with the apiVersion and kind each part carries.</summary>
    private static readonly PartSpec[] TypedParts =
    [
        new("decodeDeployment", "apps/v1", "Deployment", p => p.DecodeDeployment),
        new("decodeService", "v1", "Service", p => p.DecodeService),
        new("prefillDeployment", "apps/v1", "Deployment", p => p.PrefillDeployment),
        new("prefillService", "v1", "Service", p => p.PrefillService),
        new("eppDeployment", "apps/v1", "Deployment", p => p.EppDeployment),
        new("eppService", "v1", "Service", p => p.EppService),
        new("inferencePool", "inference.networking.k8s.io/v1", "InferencePool", p => p.InferencePool),
        new("inferenceObjective", "llm-d.ai/v1alpha2", "InferenceObjective", p => p.InferenceObjective),
        new("httpRoute", "gateway.networking.k8s.io/v1", "HTTPRoute", p => p.HttpRoute),
    ];

    private static readonly HashSet<string> RawPartNames = new(StringComparer.Ordinal)
    {
        "configMaps", "decodeDeployment", "decodeService", "prefillDeployment", "prefillService", "eppDeployment",
        "eppService", "inferencePool", "inferenceObjective", "httpRoute", "inferenceModel",
    };

    public static BaseConfig ToBaseConfig(Preset preset, string? @namespace)
    {
        var (parts, context) = Build(preset);
        var spec = new JsonObject();
        if (parts.ConfigMaps.Count > 0)
        {
            spec["configMaps"] = ResolvePlaceholders(ConfigMapsJson(parts), $"{context} configMaps", "");
        }

        foreach (var part in TypedParts)
        {
            if (part.Get(parts) is { } value)
            {
                spec[part.Key] = ResolvePlaceholders(PartJson(value, part), $"{context} {part.Key}", "");
            }
        }

        if (parts.Templates.Count > 0)
        {
            spec["templates"] = new JsonObject(parts.Templates.Select(t => new KeyValuePair<string, JsonNode?>(t.Key, t.Value)));
        }

        return new BaseConfig
        {
            Metadata = Metadata(preset, @namespace),
            Spec = KeelJson.Deserialize<BaseConfigSpec>(spec, context),
        };
    }

    public static V1ConfigMap ToConfigMap(Preset preset, string? @namespace)
    {
        var (parts, context) = Build(preset);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.ConfigMaps.Count > 0)
        {
            data["configMaps"] = PresetYamlWriter.Write(ConfigMapsJson(parts), PresetForm.ConfigMap, $"{context} configMaps");
        }

        foreach (var part in TypedParts)
        {
            if (part.Get(parts) is { } value)
            {
                data[part.Key] = PresetYamlWriter.Write(PartJson(value, part), PresetForm.ConfigMap, $"{context} {part.Key}");
            }
        }

        foreach (var (key, text) in parts.Templates)
        {
            data[key] = text;
        }

        return new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = Metadata(preset, @namespace), Data = data };
    }

    public static string ToYaml(Preset preset, PresetForm form, string? @namespace)
    {
        JsonNode? document = form == PresetForm.BaseConfig
            ? KeelJson.SerializeToNode(ToBaseConfig(preset, @namespace))
            : KeelJson.SerializeToNode(ToConfigMap(preset, @namespace));

        // The document itself is plain YAML (a ConfigMap's data values are literal blocks), so it is written in the plain mode.
        return Header(preset, form) + PresetYamlWriter.Write(document, PresetForm.BaseConfig, $"preset {preset.Name}");
    }

    private static (PresetParts Parts, string Context) Build(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var context = $"preset {preset.Name} ({preset.GetType().FullName})";
        if (string.IsNullOrEmpty(preset.Name))
        {
            throw new PresetExportException($"{context}: Name is empty; it becomes metadata.name");
        }

        var parts = preset.BuildParts();
        foreach (var key in parts.Templates.Keys)
        {
            if (!RawPartNames.Contains(key))
            {
                throw new PresetExportException($"{context}: Templates key {key} is not a part name ({string.Join(", ", RawPartNames.Order(StringComparer.Ordinal))})");
            }

            if ((key == "configMaps" && parts.ConfigMaps.Count > 0) || TypedParts.Any(p => p.Key == key && p.Get(parts) is not null))
            {
                throw new PresetExportException($"{context}: part {key} is given both typed and under Templates; keep one");
            }
        }

        return (parts, context);
    }

    private static V1ObjectMeta Metadata(Preset preset, string? @namespace) =>
        new() { Name = preset.Name, NamespaceProperty = string.IsNullOrEmpty(@namespace) ? null : @namespace };

    private static JsonObject PartJson(object value, PartSpec part)
    {
        var json = KeelJson.SerializeToNode(value)?.AsObject() ?? new JsonObject();
        return WithIdentity(json, part.ApiVersion, part.Kind);
    }

    private static JsonArray ConfigMapsJson(PresetParts parts) =>
        new([.. parts.ConfigMaps.Select(c => (JsonNode?)WithIdentity(KeelJson.SerializeToNode(c)!.AsObject(), "v1", "ConfigMap"))]);

    /// <summary>apiVersion and kind first (the operator forces them; written for readability, as hand-written presets do).</summary>
    private static JsonObject WithIdentity(JsonObject json, string apiVersion, string kind)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = json["apiVersion"]?.DeepClone() ?? apiVersion,
            ["kind"] = json["kind"]?.DeepClone() ?? kind,
        };
        foreach (var (key, node) in json)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                result[key] = node?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>A copy with every placeholder number replaced by its template string (the BaseConfig form); checks strings for misused placeholders.</summary>
    private static JsonNode? ResolvePlaceholders(JsonNode? node, string context, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                return new JsonObject(obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, ResolvePlaceholders(p.Value, context, path + "." + p.Key))));
            case JsonArray array:
                return new JsonArray([.. array.Select((item, i) => ResolvePlaceholders(item, context, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"))]);
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && TemplateSlots.TryGetTemplate(n, out var template)
                    ? JsonValue.Create(template)
                    : value.DeepClone();
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                if (TemplateSlots.FindFormattedPlaceholder(value.GetValue<string>()) is { } misused)
                {
                    throw new PresetExportException(
                        $"{context}: field {path.TrimStart('.')} holds the placeholder number of the template {misused} written as a number; "
                        + "format an int that may hold a template with Template.Text(value)");
                }

                return value.DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    private static string Header(Preset preset, PresetForm form)
    {
        var header = new StringBuilder();
        var formName = form == PresetForm.BaseConfig ? "BaseConfig form" : "ConfigMap form";
        header.Append("# Preset ").Append(preset.Name).Append(" (").Append(formName).Append("), exported from ")
            .Append(preset.GetType().FullName).Append(" with the Keel preset SDK.\n");
        foreach (var line in (preset.Description ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            header.Append("# ").Append(line.TrimEnd()).Append('\n');
        }

        var ports = preset.RequiredRoutingPorts;
        if (ports.Count > 0)
        {
            header.Append("# Requires the routing ports: ")
                .Append(string.Join(", ", ports.Select(p => p.Description is null ? $"`{p.Name}`" : $"`{p.Name}` ({p.Description})")))
                .Append(".\n");
        }

        return header.ToString();
    }

    private sealed record PartSpec(string Key, string ApiVersion, string Kind, Func<PresetParts, object?> Get);
}
