using System.Text.Json.Nodes;
using Keel.ApiServer.Tables;

namespace Keel.ApiServer.Resources;

/// <summary>
/// Everything the server needs to serve one resource at one version. Built-in kinds are registered
/// from <see cref="BuiltInResources"/>; CRDs produce one definition per served version; anything else
/// can be added through <see cref="Hosting.LocalApiServerOptions.AdditionalResources"/>.
/// </summary>
public sealed record ResourceDefinition
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    /// <summary>Lower-case plural: the URL segment (<c>configmaps</c>).</summary>
    public required string Plural { get; init; }
    public required bool Namespaced { get; init; }
    public string Singular { get; init; } = "";
    public string ListKind { get; init; } = "";
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public bool HasStatusSubresource { get; init; }

    /// <summary>
    /// Which top-level fields bump <c>metadata.generation</c> when they change. Null: the kind does not
    /// track generation. <see cref="GenerationTracking.AllButMetadataAndStatus"/> is the custom-resource rule.
    /// </summary>
    public IReadOnlyList<string>? GenerationFields { get; init; }

    /// <summary>Kinds whose generation also moves on annotation changes (Deployments do).</summary>
    public bool AnnotationsBumpGeneration { get; init; }

    /// <summary>PUT may create a missing object (leases, events do; most kinds do not).</summary>
    public bool AllowCreateOnUpdate { get; init; }

    /// <summary>PUT without <c>metadata.resourceVersion</c> is accepted (built-ins: yes; custom resources: no).</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;

    /// <summary>Field-selector labels beyond <c>metadata.name</c> and <c>metadata.namespace</c>, as JSON paths.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>Columns for <c>kubectl get</c> after Name (Age is added unless a column already is a creation date).</summary>
    public IReadOnlyList<TableColumn> Columns { get; init; } = [];

    /// <summary>Resets or defaults server-owned fields on create (status of a new Deployment, a new Namespace's phase).</summary>
    public Action<JsonObject>? PrepareForCreate { get; init; }

    /// <summary>
    /// Kind-specific defaulting and validation beyond object metadata, run on every write before schema
    /// admission (it may default fields in place); field paths are relative to the object root.
    /// </summary>
    public Func<JsonObject, JsonObject?, IReadOnlyList<FieldViolation>>? Validate { get; init; }

    /// <summary>The OpenAPI v3 schema of the kind (served under /openapi and used for SSA merge topology). Null: none known.</summary>
    public JsonObject? OpenApiSchema { get; init; }

    /// <summary>The version objects are stored at when several versions of the resource are served.</summary>
    public bool IsStorageVersion { get; init; } = true;

    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>How object names of the kind are validated.</summary>
    public Operations.NameRule NameRule { get; init; } = Operations.NameRule.Dns1123Subdomain;

    /// <summary>Runs when a delete is accepted but deferred (a Namespace turns Terminating, a CRD gets its cleanup finalizer).</summary>
    public Action<JsonObject>? PrepareForDelete { get; init; }

    /// <summary>Finalizers kept outside <c>metadata.finalizers</c> (a Namespace's <c>spec.finalizers</c>); they defer deletion too.</summary>
    public Func<JsonObject, bool>? HasPendingSpecFinalizers { get; init; }

    /// <summary>The <c>scale</c> subresource (<c>autoscaling/v1</c> Scale), when the kind has one.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>Subresources beyond <c>status</c> the kind serves with an update verb (a Namespace's <c>finalize</c>).</summary>
    public IReadOnlyList<string> ExtraSubresources { get; init; } = [];

    public static readonly IReadOnlyList<string> StandardVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public GroupResource GroupResource => new(Group, Plural);
    public GroupVersionKind GroupVersionKind => new(Group, Version, Kind);
    public string ApiVersion => GroupVersionKind.ApiVersion;
    public string EffectiveSingular => Singular.Length > 0 ? Singular : Kind.ToLowerInvariant();
    public string EffectiveListKind => ListKind.Length > 0 ? ListKind : Kind + "List";
}

/// <summary>Named generation policies.</summary>
public static class GenerationTracking
{
    /// <summary>The custom-resource rule: anything outside metadata and status is spec.</summary>
    public const string AllButMetadataAndStatus = "*";

    public static readonly IReadOnlyList<string> Spec = ["spec"];
    public static readonly IReadOnlyList<string> CustomResource = [AllButMetadataAndStatus];
}

/// <summary>
/// Where a kind keeps what its <c>scale</c> subresource shows: JSON paths (<c>.spec.replicas</c>) as a CRD's
/// <c>subresources.scale</c> declares them. Without a label-selector path the selector is read from
/// <c>spec.selector</c> (a LabelSelector, as on Deployments).
/// </summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
