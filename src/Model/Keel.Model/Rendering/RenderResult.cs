using Keel.Model.Api;
using Keel.Model.Presets;

namespace Keel.Model.Rendering;

/// <summary>
/// The outcome of one render: the desired children in apply order, the status references and applied presets to
/// report, and every warning and error. With any error there are no children: the reconcile must not write.
/// </summary>
public sealed record RenderResult
{
    /// <summary>The desired children in apply order (empty when <see cref="Succeeded"/> is false).</summary>
    public IReadOnlyList<RenderedChild> Children { get; init; } = [];

    /// <summary>Warnings and errors, in the order found.</summary>
    public IReadOnlyList<RenderDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The preset the ModelService references (for the controller's preset index), or null.</summary>
    public PresetReference? PresetReference { get; init; }

    /// <summary>status.appliedConfigs: the presets merged, in order, with the version used.</summary>
    public IReadOnlyList<AppliedConfig> AppliedConfigs { get; init; } = [];

    /// <summary>The status references of <see cref="Children"/>.</summary>
    public ChildReferences References { get; init; } = ChildReferences.None;

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public IEnumerable<RenderDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<RenderDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>The child with <paramref name="role"/> (the first, for preset ConfigMaps), or null.</summary>
    public RenderedChild? Child(ChildRole role) => Children.FirstOrDefault(c => c.Role == role);
}
