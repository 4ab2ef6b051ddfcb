using Keel.Model.Merging;

namespace Keel.Model.Rendering;

/// <summary>
/// Records how one child was built, for provenance: the typed merges in order (each with the layer its overlay
/// stands for) and the fields the operator wrote after merging. Disabled recorders record nothing and cost nothing.
/// </summary>
internal sealed class ProvenanceRecorder
{
    private readonly List<Stage> stages = [];
    private readonly List<Write> writes = [];

    public ProvenanceRecorder(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    internal IReadOnlyList<Stage> Stages => stages;

    internal IReadOnlyList<Write> Writes => writes;

    /// <summary>A trace to pass to a merge, or null when disabled.</summary>
    public MergeTrace? Trace() => Enabled ? new MergeTrace() : null;

    /// <summary>
    /// Adds a merge: events on its base side mean <paramref name="baseLayer"/> for the first merge (earlier merges
    /// otherwise), events on its overlay side mean <paramref name="overlayLayer"/>.
    /// </summary>
    public void Merged(MergeTrace? trace, RenderLayer baseLayer, RenderLayer overlayLayer)
    {
        if (trace is not null)
        {
            stages.Add(new Stage(trace, baseLayer, overlayLayer));
        }
    }

    /// <summary>The operator set the field (or subtree) at <paramref name="path"/> after merging.</summary>
    public void Wrote(string path, string rule)
    {
        if (Enabled)
        {
            writes.Add(new Write(path, rule));
        }
    }

    internal sealed record Stage(MergeTrace Trace, RenderLayer BaseLayer, RenderLayer OverlayLayer);

    internal readonly record struct Write(string Path, string Rule);
}
