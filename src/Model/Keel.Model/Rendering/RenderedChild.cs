using System.Text.Json.Nodes;
using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>
/// One desired child of a ModelService: its identity, the typed object, and its JSON for server-side apply
/// (only the fields the operator sets; nulls omitted; keys sorted).
/// </summary>
public sealed class RenderedChild
{
    private readonly string json;

    internal RenderedChild(
        ChildRole role,
        object value,
        V1ObjectMeta metadata,
        string apiVersion,
        string kind,
        V1OwnerReference ownerReference,
        ReplicasPolicy replicasPolicy,
        int? replicas,
        IReadOnlyList<FieldProvenance>? provenance)
    {
        Role = role;
        Object = value;
        ApiVersion = apiVersion;
        Kind = kind;
        Name = metadata.Name ?? string.Empty;
        Namespace = metadata.NamespaceProperty ?? string.Empty;
        Labels = metadata.Labels is null
            ? new Dictionary<string, string>()
            : new SortedDictionary<string, string>(metadata.Labels, StringComparer.Ordinal);
        OwnerReference = ownerReference;
        ReplicasPolicy = replicasPolicy;
        Replicas = replicas;
        Provenance = provenance;
        json = CanonicalJson.Of(value).ToJsonString();
    }

    /// <summary>What the child is for.</summary>
    public ChildRole Role { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    public string Namespace { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>
    /// The controller owner reference to the ModelService (<c>controller: true</c>, <c>blockOwnerDeletion: true</c>).
    /// It is in the object only when the ModelService has a uid (rendered from a file it may not) and lives in the
    /// child's namespace (owner references cannot cross namespaces).
    /// </summary>
    public V1OwnerReference OwnerReference { get; }

    /// <summary>Whether <see cref="OwnerReference"/> is part of the object.</summary>
    public bool HasOwnerReference => Object is IMetadata<V1ObjectMeta> { Metadata.OwnerReferences.Count: > 0 };

    /// <summary>The typed object (V1Deployment, V1Service, InferencePool...). Treat as read-only.</summary>
    public object Object { get; }

    /// <summary>Who owns spec.replicas (workload Deployments); see <see cref="ApplyBody"/>.</summary>
    public ReplicasPolicy ReplicasPolicy { get; }

    /// <summary>The replicas the render wants (for a new Deployment under <see cref="ReplicasPolicy.InitialOnly"/>), or null.</summary>
    public int? Replicas { get; }

    /// <summary>Which layer set each field and the rule used, when the request asked for provenance.</summary>
    public IReadOnlyList<FieldProvenance>? Provenance { get; }

    /// <summary>The object as compact JSON with sorted keys: equal renders give equal strings.</summary>
    public string Json => json;

    /// <summary>A fresh copy of the object's JSON.</summary>
    public JsonObject ToJson() => JsonNode.Parse(json)!.AsObject();

    /// <summary>
    /// The body to server-side apply with the operator's field manager. Under <see cref="ReplicasPolicy.InitialOnly"/>
    /// (decoupleScaling) and once the Deployment exists (<paramref name="exists"/>), <c>spec.replicas</c> is left out so
    /// that manager does not own it. See <see cref="ReplicasHandoverBody"/> for the creation step.
    /// </summary>
    public JsonObject ApplyBody(bool exists)
    {
        var body = ToJson();
        if (exists && ReplicasPolicy == ReplicasPolicy.InitialOnly && body["spec"] is JsonObject spec)
        {
            spec.Remove("replicas");
        }

        return body;
    }

    /// <summary>
    /// Under <see cref="ReplicasPolicy.InitialOnly"/>: the minimal apply body that sets only <c>spec.replicas</c>, for a
    /// second field manager (for example <c>modelservice-operator-initial-replicas</c>). Server-side apply removes a
    /// field its only manager stops applying, so after creating the Deployment with <c>ApplyBody(false)</c> the
    /// controller applies this body with the second manager and then <c>ApplyBody(true)</c> with its own: the operator's
    /// manager releases replicas, the second manager keeps the value, and an autoscaler that changes replicas later
    /// takes the field over. Null when the policy is not InitialOnly or there are no replicas.
    /// </summary>
    public JsonObject? ReplicasHandoverBody()
    {
        if (ReplicasPolicy != ReplicasPolicy.InitialOnly || Replicas is not { } replicas)
        {
            return null;
        }

        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = Kind,
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Namespace },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
        };
    }

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
