using k8s.Models;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Presets;

/// <summary>
/// A preset rendered for one ModelService and read into typed objects: the bases the ModelService is merged onto.
/// The objects may be shared through a <see cref="Rendering.RenderCache"/>: treat them as read-only.
/// </summary>
public sealed class ResolvedPreset
{
    /// <summary>A preset with no parts (the ModelService references none).</summary>
    public static ResolvedPreset Empty { get; } = new();

    /// <summary>The preset as read, or null for <see cref="Empty"/>.</summary>
    public RawPreset? Raw { get; init; }

    public IReadOnlyList<V1ConfigMap>? ConfigMaps { get; init; }

    public V1Deployment? DecodeDeployment { get; init; }

    public V1Deployment? PrefillDeployment { get; init; }

    public V1Deployment? EppDeployment { get; init; }

    public V1Service? DecodeService { get; init; }

    public V1Service? PrefillService { get; init; }

    public V1Service? EppService { get; init; }

    /// <summary>The pool when written for <c>inference.networking.k8s.io/v1</c>.</summary>
    public InferencePool? InferencePool { get; init; }

    /// <summary>The pool when written for the legacy <c>inference.networking.x-k8s.io/v1alpha2</c> (at most one of the two is set).</summary>
    public LegacyInferencePool? LegacyInferencePool { get; init; }

    public InferenceObjective? InferenceObjective { get; init; }

    /// <summary>The legacy InferenceModel part.</summary>
    public InferenceModel? InferenceModel { get; init; }

    public HTTPRoute? HttpRoute { get; init; }

    /// <summary>Whether the preset has an InferencePool part in either version.</summary>
    public bool HasInferencePool => InferencePool is not null || LegacyInferencePool is not null;
}
