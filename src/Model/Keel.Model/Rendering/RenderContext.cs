using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Naming;
using Keel.Model.Presets;
using Keel.Model.Templating;

namespace Keel.Model.Rendering;

/// <summary>What every child builder of one render reads: the ModelService, its names and labels, the preset, settings.</summary>
internal sealed class RenderContext
{
    public RenderContext(RenderRequest request, RenderCache cache, DiagnosticBag diagnostics)
    {
        Request = request;
        Cache = cache;
        Diagnostics = diagnostics;
        ModelService = request.ModelService;
        Spec = request.ModelService.Spec;
        Name = request.ModelService.Metadata?.Name ?? string.Empty;
        Namespace = request.ModelService.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : "default";
        Names = ChildNames.For(Name);
        Variables = TemplateVariables.From(request.ModelService, Namespace);
        ModelLabel = KubernetesNames.Sanitize(Spec.Routing?.ModelName ?? string.Empty);
        OwnerReference = new V1OwnerReference
        {
            ApiVersion = LlmdApi.GroupVersion,
            Kind = Api.ModelService.KubeKind,
            Name = Name,
            Uid = request.ModelService.Metadata?.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    public RenderRequest Request { get; }

    public RenderSettings Settings => Request.Settings;

    public RenderCache Cache { get; }

    public DiagnosticBag Diagnostics { get; }

    public ModelService ModelService { get; }

    public ModelServiceSpec Spec { get; }

    public string Name { get; }

    /// <summary>The ModelService's namespace (<c>default</c> when it has none): every child lives here.</summary>
    public string Namespace { get; }

    public ChildNames Names { get; }

    public TemplateVariables Variables { get; }

    /// <summary>The value of <see cref="ChildLabels.Model"/>.</summary>
    public string ModelLabel { get; }

    public V1OwnerReference OwnerReference { get; }

    public ResolvedPreset Preset { get; set; } = ResolvedPreset.Empty;

    public ModelArtifactsPlan? Artifacts { get; set; }

    /// <summary>The ModelService's containers (args rendered) by section.</summary>
    public RenderedContainers Containers { get; set; } = RenderedContainers.None;

    public ProvenanceRecorder NewRecorder() => new(Request.TrackProvenance);

    /// <summary>The common labels (compat): what every model-server pod of this ModelService carries.</summary>
    public Dictionary<string, string> CommonLabels() => new(StringComparer.Ordinal)
    {
        [ChildLabels.InferenceServing] = "true",
        [ChildLabels.Model] = ModelLabel,
    };

    /// <summary>The labels of a workload role's pods: the common labels and the role.</summary>
    public Dictionary<string, string> RolePodLabels(string role)
    {
        var labels = CommonLabels();
        labels[ChildLabels.Role] = role;
        return labels;
    }

    /// <summary>The endpoint picker's pod label.</summary>
    public Dictionary<string, string> EppPodLabels() => new(StringComparer.Ordinal) { [ChildLabels.Epp] = Names.EppDeployment };

    /// <summary>
    /// The metadata the operator forces on a child: name, namespace, the common and standard labels (plus
    /// <paramref name="extraLabels"/>), and the controller owner reference when it can be set.
    /// </summary>
    public V1ObjectMeta ForcedMetadata(string name, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var labels = CommonLabels();
        labels[ChildLabels.ManagedBy] = ChildLabels.ManagedByValue;
        labels[ChildLabels.PartOf] = ChildLabels.ValueFor(Name);
        labels[ChildLabels.ModelService] = ChildLabels.ValueFor(Name);
        if (extraLabels is not null)
        {
            foreach (var (key, value) in extraLabels)
            {
                labels[key] = value;
            }
        }

        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Labels = labels,
            OwnerReferences = string.IsNullOrEmpty(OwnerReference.Uid) ? null : [OwnerReference],
        };
    }
}
