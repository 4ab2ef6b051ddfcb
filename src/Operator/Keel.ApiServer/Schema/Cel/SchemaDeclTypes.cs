using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>The CEL type Kubernetes declares for a schema node (<c>SchemaDeclType</c>); see <see cref="CelShape"/>.</summary>
internal static class SchemaDeclTypes
{
    private static readonly SchemaNode StringNode = new() { Type = "string" };

    private static readonly SchemaNode ObjectMetaNode = new()
    {
        Type = "object",
        HasPropertiesKeyword = true,
        PropertyList = [new("name", StringNode), new("generateName", StringNode)],
        Properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal) { ["name"] = StringNode, ["generateName"] = StringNode },
    };

    public static DeclType? For(SchemaNode? schema, bool isResourceRoot) => CelShape.For(schema, isResourceRoot)?.Type;

    /// <summary>apiVersion, kind, metadata.name and metadata.generateName are always visible at a resource root.</summary>
    public static SchemaNode WithTypeAndObjectMeta(SchemaNode schema)
    {
        if (schema.Properties.TryGetValue("kind", out var kind) && kind.Type == "string"
            && schema.Properties.TryGetValue("apiVersion", out var apiVersion) && apiVersion.Type == "string"
            && schema.Properties.TryGetValue("metadata", out var metadata) && metadata.Type == "object"
            && metadata.Properties.TryGetValue("name", out var name) && name.Type == "string"
            && metadata.Properties.TryGetValue("generateName", out var generateName) && generateName.Type == "string")
        {
            return schema;
        }

        var properties = schema.PropertyList.Where(p => p.Key is not ("kind" or "apiVersion" or "metadata")).ToList();
        properties.Add(new("kind", StringNode));
        properties.Add(new("apiVersion", StringNode));
        properties.Add(new("metadata", ObjectMetaNode));
        return new SchemaNode
        {
            Source = schema.Source,
            Type = schema.Type ?? "object",
            Nullable = schema.Nullable,
            PropertyList = properties,
            Properties = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            HasPropertiesKeyword = true,
            Required = schema.Required,
            Items = schema.Items,
            XPreserveUnknownFields = schema.XPreserveUnknownFields,
            XEmbeddedResource = schema.XEmbeddedResource,
            XValidations = schema.XValidations,
        };
    }
}
