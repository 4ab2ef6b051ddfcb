using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>A child built by one builder, before it is serialized and attributed.</summary>
internal sealed record ChildDraft(
    ChildRole Role,
    object Value,
    V1ObjectMeta Metadata,
    string ApiVersion,
    string Kind,
    ProvenanceRecorder Recorder,
    ReplicasPolicy ReplicasPolicy = ReplicasPolicy.None,
    int? Replicas = null)
{
    public RenderedChild Finish(V1OwnerReference ownerReference)
    {
        var provenance = Recorder.Enabled
            ? ProvenanceResolver.Resolve(Recorder, CanonicalJson.Of(Value), Value.GetType())
            : null;
        return new RenderedChild(Role, Value, Metadata, ApiVersion, Kind, ownerReference, ReplicasPolicy, Replicas, provenance);
    }
}
