namespace Keel.Model.Rendering;

/// <summary>Collects diagnostics in the order they are found; duplicates (same severity, reason, message) are kept once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<RenderDiagnostic> items = [];
    private readonly HashSet<RenderDiagnostic> seen = [];

    public IReadOnlyList<RenderDiagnostic> Items => items;

    public bool HasErrors { get; private set; }

    public void Add(RenderDiagnostic diagnostic)
    {
        if (seen.Add(diagnostic))
        {
            items.Add(diagnostic);
            HasErrors |= diagnostic.IsError;
        }
    }

    public void AddRange(IEnumerable<RenderDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    public void Error(string reason, string message, string? location = null) => Add(RenderDiagnostic.Error(reason, message, location));

    public void Warning(string reason, string message, string? location = null) => Add(RenderDiagnostic.Warning(reason, message, location));
}
