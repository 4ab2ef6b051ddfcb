using Keel.Model.Api;
using Keel.Model.Presets;

namespace Keel.Model.Rendering;

/// <summary>
/// The render pipeline (spec sections 2–5): a pure function from a ModelService, its preset and the operator settings
/// to the children the operator applies. It reads nothing but its inputs, never throws on content (problems are
/// <see cref="RenderDiagnostic"/> values) and is deterministic: equal inputs give byte-identical children. One
/// instance may serve concurrent renders; its <see cref="RenderCache"/> only makes repeated renders cheaper.
/// </summary>
public sealed class ModelServiceRenderer
{
    public ModelServiceRenderer(RenderCache? cache = null) => Cache = cache ?? new RenderCache();

    public RenderCache Cache { get; }

    /// <summary>Renders with a fresh cache (for one-off callers).</summary>
    public static RenderResult RenderOnce(RenderRequest request) => new ModelServiceRenderer().Render(request);

    public RenderResult Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.ModelService);
        var diagnostics = new DiagnosticBag();
        try
        {
            return RenderCore(request, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect, not bad input: report it as a value so one ModelService can never take the operator down.
            diagnostics.Error(RenderReasons.InternalError, $"internal error while rendering (please report it): {e.GetType().Name}: {e.Message}");
            return new RenderResult { Diagnostics = diagnostics.Items, PresetReference = PresetReference.For(request.ModelService) };
        }
    }

    private RenderResult RenderCore(RenderRequest request, DiagnosticBag diagnostics)
    {
        if (!ModelServiceChecks.Check(request.ModelService, diagnostics))
        {
            return new RenderResult { Diagnostics = diagnostics.Items, PresetReference = PresetReference.For(request.ModelService) };
        }

        var context = new RenderContext(request, Cache, diagnostics);
        context.Artifacts = ModelArtifactsPlan.Create(context.Spec.ModelArtifacts, out var uriError);
        if (uriError is not null)
        {
            diagnostics.Error(RenderReasons.InvalidModelService, "ModelService field spec.modelArtifacts.uri: " + uriError, "spec.modelArtifacts.uri");
        }

        var reference = PresetReference.For(request.ModelService, context.Namespace);
        var appliedConfigs = new List<AppliedConfig>();
        if (PresetSelection.Select(context, reference, diagnostics) is (PresetSource source, PresetReference located))
        {
            var raw = PresetReader.Read(source, located.Namespace);
            diagnostics.AddRange(raw.Diagnostics);
            var found = new List<RenderDiagnostic>();
            context.Preset = PresetResolver.Resolve(raw, context.Variables, Cache, found);
            diagnostics.AddRange(found);
            appliedConfigs.Add(source.ToAppliedConfig(located.Namespace));
        }

        context.Containers = RenderedContainers.From(context);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, reference);
        }

        var drafts = ChildPlan.Build(context);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, reference);
        }

        var children = drafts
            .OrderBy(d => d.Role)
            .Select(d => d.Finish(context.OwnerReference))
            .ToList();
        return new RenderResult
        {
            Children = children,
            Diagnostics = diagnostics.Items,
            PresetReference = reference,
            AppliedConfigs = appliedConfigs,
            References = ChildReferences.From(children),
        };
    }

    private static RenderResult Failed(DiagnosticBag diagnostics, PresetReference? reference) =>
        new() { Diagnostics = diagnostics.Items, PresetReference = reference };
}
