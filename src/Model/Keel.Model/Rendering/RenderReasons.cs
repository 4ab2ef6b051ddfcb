using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// The reasons a <see cref="RenderDiagnostic"/> carries, and which ModelService condition each belongs to.
/// Errors about finding and trusting the preset belong to <c>PresetsResolved</c>; everything about
/// templates, parsing and building the children to <c>Rendered</c>.
/// </summary>
public static class RenderReasons
{
    // Errors: the preset.

    /// <summary>The ModelService references a preset that does not exist (or was not supplied).</summary>
    public const string PresetNotFound = "PresetNotFound";

    /// <summary>A cross-namespace preset in a namespace the operator does not trust (spec 2.2).</summary>
    public const string PresetNamespaceNotAllowed = "PresetNamespaceNotAllowed";

    /// <summary>The preset holds no part at all (a ConfigMap without data, an empty BaseConfig).</summary>
    public const string PresetEmpty = "PresetEmpty";

    // Errors: rendering.

    /// <summary>A template failed to parse or execute (preset value or ModelService args).</summary>
    public const string TemplateError = "TemplateError";

    /// <summary>A rendered preset value is not YAML, or not the shape its part needs.</summary>
    public const string PresetParseError = "PresetParseError";

    /// <summary>The ModelService itself is invalid (a bad model URI, a missing name).</summary>
    public const string InvalidModelService = "InvalidModelService";

    /// <summary>An operator setting the render needs is missing (the EPP ClusterRole).</summary>
    public const string MissingSetting = "MissingSetting";

    /// <summary>A child would be rejected by the API server (a container without an image...).</summary>
    public const string InvalidChild = "InvalidChild";

    /// <summary>A defect in the render itself; please report it.</summary>
    public const string InternalError = "InternalError";

    // Warnings.

    /// <summary>A preset key that names no part: rendered, then ignored.</summary>
    public const string UnknownPresetKey = "UnknownPresetKey";

    /// <summary>A field the part's type does not have: dropped (compat), reported (fix).</summary>
    public const string UnknownField = "UnknownField";

    /// <summary>A field the operator never takes from a preset (status, server-set metadata, binaryData).</summary>
    public const string IgnoredField = "IgnoredField";

    /// <summary>A legacy API part was converted to the API the operator writes (InferencePool, InferenceModel).</summary>
    public const string LegacyApiConverted = "LegacyApiConverted";

    /// <summary>Something is set that has no effect (spec.endpointPicker without an eppDeployment part...).</summary>
    public const string Ignored = "Ignored";

    /// <summary>A child references an object the render does not create (a pool without an endpoint picker...).</summary>
    public const string DanglingReference = "DanglingReference";

    /// <summary>The supplied preset is not the one the ModelService names (offline render with another file).</summary>
    public const string PresetMismatch = "PresetMismatch";

    /// <summary>The ModelService uses a ConfigMap preset; the message names the migrate command.</summary>
    public const string DeprecatedPreset = "DeprecatedPreset";

    /// <summary>The condition a reason belongs to.</summary>
    public static string ConditionOf(string reason) => reason switch
    {
        PresetNotFound or PresetNamespaceNotAllowed or PresetEmpty or PresetMismatch => ModelServiceConditions.PresetsResolved,
        DeprecatedPreset => ModelServiceConditions.DeprecatedPreset,
        _ => ModelServiceConditions.Rendered,
    };
}
