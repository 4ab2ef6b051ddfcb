using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply;

/// <summary>
/// How the fields of one kind merge and are owned: which lists are atomic, sets or keyed maps, which
/// objects are atomic or granular, where values are untyped. Read from the kind's OpenAPI v3 schema
/// (the CRD's <c>openAPIV3Schema</c>, or a built-in kind's schema) with the rules the Kubernetes API
/// server uses; <c>metadata</c> always follows ObjectMeta. Parsed once; immutable and thread-safe.
/// </summary>
public sealed class MergeTopology
{
    private static readonly Lazy<MergeTopology> DeducedTopology = new(() => new MergeTopology(SchemaTopologyParser.DeducedRoot()));

    private MergeTopology(TypeNode root) => Root = root;

    internal TypeNode Root { get; }

    /// <summary>
    /// Reads the topology from an OpenAPI v3 schema of the whole object. <c>$ref</c>s (or single-entry
    /// <c>allOf</c> references) are JSON pointers into the same document. Unknown or incomplete topology
    /// markers fall back to the Kubernetes defaults (atomic lists, granular maps) instead of failing.
    /// </summary>
    public static MergeTopology FromSchema(JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        return new MergeTopology(SchemaTopologyParser.ParseRoot(openApiV3Schema));
    }

    /// <summary>
    /// For kinds without a schema: every object is a granular map, every list atomic, values deduced from
    /// their shape (structured-merge-diff's deduced type); <c>metadata</c> still follows ObjectMeta.
    /// </summary>
    public static MergeTopology Deduced => DeducedTopology.Value;
}
