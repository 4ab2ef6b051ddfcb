using Keel.Model.Rendering;

namespace Keel.Model.Presets;

/// <summary>
/// A preset read from its object but not rendered yet: its parts as written, the keys that name no part (rendered,
/// then ignored with a warning, as the original did), and what reading it found.
/// </summary>
/// <param name="Source">The preset object.</param>
/// <param name="Description">How messages name the preset: <c>preset ConfigMap models/pd-preset</c>.</param>
/// <param name="Parts">The recognised parts in <see cref="PresetPart"/> order.</param>
/// <param name="UnknownKeys">Keys that name no part.</param>
/// <param name="Diagnostics">Problems found while reading (an empty preset, ignored binaryData...).</param>
public sealed record RawPreset(
    PresetSource Source,
    string Description,
    IReadOnlyList<KeyValuePair<PresetPart, PartContent>> Parts,
    IReadOnlyList<TemplateTextPart> UnknownKeys,
    IReadOnlyList<RenderDiagnostic> Diagnostics)
{
    /// <summary>The content of <paramref name="part"/>, or null when the preset does not have it.</summary>
    public PartContent? this[PresetPart part]
    {
        get
        {
            foreach (var (candidate, content) in Parts)
            {
                if (candidate == part)
                {
                    return content;
                }
            }

            return null;
        }
    }
}
