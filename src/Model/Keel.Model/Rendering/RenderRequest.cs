using Keel.Model.Api;
using Keel.Model.Presets;

namespace Keel.Model.Rendering;

/// <summary>Everything one render reads: the ModelService, the preset the caller looked up, and the operator settings.</summary>
public sealed record RenderRequest
{
    /// <summary>The ModelService, as stored (CRD defaults applied). Never modified.</summary>
    public required ModelService ModelService { get; init; }

    /// <summary>
    /// The preset <see cref="PresetReference.For"/> names, as read by the caller; null when the ModelService references
    /// none or it was not found (the render then reports <see cref="RenderReasons.PresetNotFound"/>). Never modified.
    /// </summary>
    public PresetSource? Preset { get; init; }

    public RenderSettings Settings { get; init; } = RenderSettings.Default;

    /// <summary>Record, for every field of every child, which layer set it and the merge rule (the render command's <c>--explain</c>).</summary>
    public bool TrackProvenance { get; init; }
}
