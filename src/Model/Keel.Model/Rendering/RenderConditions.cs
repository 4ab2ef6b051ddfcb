using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// Turns a <see cref="RenderResult"/> into the ModelService conditions it decides: <c>PresetsResolved</c>,
/// <c>Rendered</c> and, for a ConfigMap preset, <c>DeprecatedPreset</c>. Each carries a reason and a message a person can
/// act on (the first error, or the warnings). <c>lastTransitionTime</c> is left to the caller, which knows the previous
/// status (it changes only when the status value changes).
/// </summary>
public static class RenderConditions
{
    /// <summary>Longest condition message written (the API allows 32768; a few lines stay readable in kubectl).</summary>
    public const int MaxMessageLength = 2048;

    public const string ReasonResolved = "Resolved";
    public const string ReasonNoPreset = "NoPreset";
    public const string ReasonRendered = "Rendered";
    public const string ReasonRenderedWithWarnings = "RenderedWithWarnings";
    public const string ReasonNotRendered = "PresetNotResolved";
    public const string ReasonCurrentPreset = "NoConfigMapPreset";

    public static IReadOnlyList<V1Condition> For(RenderResult result, long? observedGeneration)
    {
        ArgumentNullException.ThrowIfNull(result);
        var conditions = new List<V1Condition>(3);
        var presetErrors = result.Errors.Where(d => d.Condition == ModelServiceConditions.PresetsResolved).ToList();
        var renderErrors = result.Errors.Where(d => d.Condition == ModelServiceConditions.Rendered).ToList();

        conditions.Add(presetErrors.Count > 0
            ? Condition(ModelServiceConditions.PresetsResolved, false, presetErrors[0].Reason, Join(presetErrors), observedGeneration)
            : result.PresetReference is { } reference
                ? Condition(ModelServiceConditions.PresetsResolved, true, ReasonResolved, $"using {reference}", observedGeneration)
                : Condition(ModelServiceConditions.PresetsResolved, true, ReasonNoPreset, "the ModelService references no preset", observedGeneration));

        var warnings = result.Warnings.Where(d => d.Condition == ModelServiceConditions.Rendered).ToList();
        conditions.Add(renderErrors.Count > 0
            ? Condition(ModelServiceConditions.Rendered, false, renderErrors[0].Reason, Join(renderErrors), observedGeneration)
            : presetErrors.Count > 0
                ? Condition(ModelServiceConditions.Rendered, false, ReasonNotRendered, "not rendered: the preset could not be resolved", observedGeneration)
                : warnings.Count > 0
                    ? Condition(ModelServiceConditions.Rendered, true, ReasonRenderedWithWarnings, Join(warnings), observedGeneration)
                    : Condition(ModelServiceConditions.Rendered, true, ReasonRendered, $"{result.Children.Count} children rendered", observedGeneration));

        if (result.Diagnostics.FirstOrDefault(d => d.Reason == RenderReasons.DeprecatedPreset) is { } deprecated)
        {
            conditions.Add(Condition(ModelServiceConditions.DeprecatedPreset, true, RenderReasons.DeprecatedPreset, deprecated.Message, observedGeneration));
        }
        else
        {
            conditions.Add(Condition(ModelServiceConditions.DeprecatedPreset, false, ReasonCurrentPreset, "the ModelService does not use a ConfigMap preset", observedGeneration));
        }

        return conditions;
    }

    private static V1Condition Condition(string type, bool status, string reason, string message, long? generation) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        Reason = reason,
        Message = message,
        ObservedGeneration = generation,
    };

    private static string Join(IReadOnlyList<RenderDiagnostic> diagnostics)
    {
        var message = diagnostics.Count == 1
            ? diagnostics[0].Message
            : string.Join("; ", diagnostics.Select(d => d.Message)) + $" ({diagnostics.Count} problems)";
        return message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
    }
}
