using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Schema;
using Keel.Model.Topology;

namespace Keel.ApiServer.Admission;

/// <summary>
/// Builds the per-resource machinery (admission, field management) for built-in kinds and for each
/// served version of a CRD. The one place where the Schema and Apply modules are wired in.
/// </summary>
public static class ResourceMachinery
{
    private static readonly ConcurrentDictionary<(string, string), (JsonObject? Schema, MergeTopology Topology)> BuiltInSchemas = new();

    public static ServedResource ForBuiltIn(ResourceDefinition definition)
    {
        var (schema, topology) = BuiltInSchemas.GetOrAdd((definition.ApiVersion, definition.Kind), static key =>
        {
            var known = SchemaCatalog.Find(key.Item1, key.Item2);
            var parsed = known is null ? null : JsonNode.Parse(known.OpenApiV3SchemaJson) as JsonObject;
            return (parsed, parsed is null ? MergeTopology.Deduced : MergeTopology.FromSchema(parsed));
        });
        if (definition.OpenApiSchema is null && schema is not null)
        {
            definition = definition with { OpenApiSchema = (JsonObject)schema.DeepClone() };
        }

        var fields = new ApplyFieldManagement(definition.OpenApiSchema is { } own && own != schema ? MergeTopology.FromSchema(own) : topology,
            definition.HasStatusSubresource);
        return new ServedResource(definition, NoSchemaAdmission.Instance, fields, isCustomResource: false);
    }

    /// <summary>A CRD version: <paramref name="openApiV3Schema"/> is the version's <c>schema.openAPIV3Schema</c>.</summary>
    public static ServedResource ForCustomResource(ResourceDefinition definition, JsonObject? openApiV3Schema)
    {
        var topology = openApiV3Schema is null ? MergeTopology.Deduced : MergeTopology.FromSchema(openApiV3Schema);
        IObjectAdmission admission = openApiV3Schema is null ? NoSchemaAdmission.Instance : new SchemaAdmission(StructuralSchema.Parse(openApiV3Schema));
        return new ServedResource(definition, admission, new ApplyFieldManagement(topology, definition.HasStatusSubresource), isCustomResource: true);
    }

}
