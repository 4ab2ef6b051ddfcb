using Keel.Model.Api;
using Keel.Model.Presets;

namespace Keel.Model.Rendering;

/// <summary>
/// Decides which preset the render uses (spec 2.1, 2.2, 2.4): the one the caller supplied, if it may be used. A
/// ModelService that names a preset the caller did not find gets <see cref="RenderReasons.PresetNotFound"/>; a preset in
/// another namespace the operator does not trust gets <see cref="RenderReasons.PresetNamespaceNotAllowed"/>.
/// </summary>
internal static class PresetSelection
{
    public static (PresetSource Source, PresetReference Located)? Select(RenderContext context, PresetReference? reference, DiagnosticBag diagnostics)
    {
        var source = context.Request.Preset;
        var self = $"ModelService {context.Namespace}/{context.Name}";
        if (reference is null && context.Spec.BaseConfigMapRef is not null)
        {
            // Admission accepts a nameless ObjectReference (compat); it names no preset, which the user should hear about.
            diagnostics.Warning(
                RenderReasons.Ignored,
                $"{self}: spec.baseConfigMapRef has no name, so it names no preset and the ModelService renders without one",
                "spec.baseConfigMapRef.name");
        }

        if (source is null)
        {
            if (reference is not null)
            {
                diagnostics.Error(
                    RenderReasons.PresetNotFound,
                    $"{self} references {reference}, which does not exist: create it, or fix spec.{(reference.Kind == AppliedConfigKinds.BaseConfig ? "baseConfigRef" : "baseConfigMapRef")}",
                    "preset");
            }

            return null;
        }

        var located = new PresetReference(source.Kind, string.IsNullOrEmpty(source.Namespace) ? reference?.Namespace ?? context.Namespace : source.Namespace, source.Name);
        if (reference is not null && reference != located)
        {
            diagnostics.Warning(RenderReasons.PresetMismatch, $"{self} references {reference}; rendering with {located} instead", "preset");
        }

        if (!located.IsTrusted(context.Namespace, context.Settings.PresetTrust))
        {
            diagnostics.Error(
                RenderReasons.PresetNamespaceNotAllowed,
                $"{self} may not use {located}: presets from another namespace are allowed only from the operator's preset namespaces ({context.Settings.PresetTrust.Describe()}); "
                + $"copy the preset into {context.Namespace}, or have the operator's administrator add {located.Namespace} to --preset-namespaces",
                "preset");
            return null;
        }

        if (source is ConfigMapPreset)
        {
            diagnostics.Warning(
                RenderReasons.DeprecatedPreset,
                $"{self} uses the ConfigMap preset {located.Namespace}/{located.Name}, a deprecated form: convert it with "
                + "`modelservice migrate --base-config <configmap.yaml>`, apply the BaseConfig and set spec.baseConfigRef instead of spec.baseConfigMapRef",
                "spec.baseConfigMapRef");
        }

        return (source, located);
    }
}
