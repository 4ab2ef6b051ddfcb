using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;

namespace Keel.Model.Presets;

/// <summary>
/// Reads a preset object into its parts (spec 2.1, 2.4) without rendering anything. Never throws on content:
/// problems come back as diagnostics on the <see cref="RawPreset"/>.
/// </summary>
public static class PresetReader
{
    /// <summary>Reads <paramref name="source"/>; <paramref name="defaultNamespace"/> names the preset in messages when it has no namespace.</summary>
    public static RawPreset Read(PresetSource source, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ns = string.IsNullOrEmpty(source.Namespace) ? defaultNamespace : source.Namespace;
        var description = $"preset {source.Kind} {ns}/{source.Name}";
        return source switch
        {
            ConfigMapPreset configMap => ReadConfigMap(configMap, description),
            BaseConfigPreset baseConfig => ReadBaseConfig(baseConfig, description),
            _ => throw new ArgumentException("unknown preset source " + source.GetType().Name, nameof(source)),
        };
    }

    private static RawPreset ReadConfigMap(ConfigMapPreset source, string description)
    {
        var diagnostics = new List<RenderDiagnostic>();
        var found = new SortedDictionary<PresetPart, PartContent>();
        var unknown = new List<TemplateTextPart>();
        var data = source.ConfigMap.Data;
        if (source.ConfigMap.BinaryData is { Count: > 0 } binary)
        {
            diagnostics.Add(RenderDiagnostic.Warning(
                RenderReasons.IgnoredField,
                $"{description}: binaryData ({string.Join(", ", binary.Keys.Order(StringComparer.Ordinal))}) is ignored; preset parts go under data",
                "preset:binaryData"));
        }

        foreach (var (key, text) in (data ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (PresetParts.TryParse(key, out var part))
            {
                // A missing, empty or whitespace-only value means "absent" (compat); rendering it could only give whitespace.
                if (!string.IsNullOrWhiteSpace(text))
                {
                    found[part] = new TemplateTextPart(key, text);
                }
            }
            else
            {
                unknown.Add(new TemplateTextPart(key, text ?? string.Empty));
            }
        }

        if (data is null || data.Count == 0)
        {
            diagnostics.Add(RenderDiagnostic.Error(
                RenderReasons.PresetEmpty,
                $"{description} has no data: a ConfigMap preset holds its parts (decodeDeployment, eppDeployment...) under data",
                "preset"));
        }

        return new RawPreset(source, description, [.. found], unknown, diagnostics);
    }

    private static RawPreset ReadBaseConfig(BaseConfigPreset source, string description)
    {
        var diagnostics = new List<RenderDiagnostic>();
        var found = new SortedDictionary<PresetPart, PartContent>();
        var unknown = new List<TemplateTextPart>();
        var spec = source.BaseConfig.Spec ?? new BaseConfigSpec();

        void Typed(PresetPart part, JsonNode? value)
        {
            if (value is not null)
            {
                // Deep copy: the caller's object (often a shared cache entry) is never changed.
                found[part] = new TypedJsonPart(PresetParts.KeyOf(part), value.DeepClone());
            }
        }

        if (spec.ConfigMaps is { } configMaps)
        {
            Typed(PresetPart.ConfigMaps, new JsonArray([.. configMaps.Select(c => (JsonNode?)c?.DeepClone())]));
        }

        Typed(PresetPart.DecodeDeployment, spec.DecodeDeployment);
        Typed(PresetPart.PrefillDeployment, spec.PrefillDeployment);
        Typed(PresetPart.EppDeployment, spec.EppDeployment);
        Typed(PresetPart.DecodeService, spec.DecodeService);
        Typed(PresetPart.PrefillService, spec.PrefillService);
        Typed(PresetPart.EppService, spec.EppService);
        Typed(PresetPart.InferencePool, spec.InferencePool);
        Typed(PresetPart.InferenceObjective, spec.InferenceObjective);
        Typed(PresetPart.HttpRoute, spec.HttpRoute);

        foreach (var part in PresetParts.All)
        {
            if (TemplateOf(spec.Templates, part) is not { } text)
            {
                continue;
            }

            var key = PresetParts.KeyOf(part);
            if (found.ContainsKey(part))
            {
                diagnostics.Add(RenderDiagnostic.Error(
                    RenderReasons.PresetParseError,
                    $"{description}: part {key} is given both as a typed field and under templates; keep one",
                    "preset:" + key));
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                found[part] = new TemplateTextPart(key, text);
            }
        }

        if (found.Count == 0 && unknown.Count == 0)
        {
            diagnostics.Add(RenderDiagnostic.Error(
                RenderReasons.PresetEmpty,
                $"{description} has no parts: set at least one of decodeDeployment, eppDeployment, inferencePool... in its spec",
                "preset"));
        }

        return new RawPreset(source, description, [.. found], unknown, diagnostics);
    }

    /// <summary>The raw template of <paramref name="part"/> under a BaseConfig's <c>spec.templates</c>, or null.</summary>
    private static string? TemplateOf(BaseConfigTemplates? templates, PresetPart part) => templates is null ? null : part switch
    {
        PresetPart.ConfigMaps => templates.ConfigMaps,
        PresetPart.DecodeDeployment => templates.DecodeDeployment,
        PresetPart.PrefillDeployment => templates.PrefillDeployment,
        PresetPart.EppDeployment => templates.EppDeployment,
        PresetPart.DecodeService => templates.DecodeService,
        PresetPart.PrefillService => templates.PrefillService,
        PresetPart.EppService => templates.EppService,
        PresetPart.InferencePool => templates.InferencePool,
        PresetPart.InferenceObjective => templates.InferenceObjective,
        PresetPart.InferenceModel => templates.InferenceModel,
        PresetPart.HttpRoute => templates.HttpRoute,
        _ => null,
    };
}
