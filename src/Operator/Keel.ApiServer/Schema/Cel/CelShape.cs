using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

internal enum CelShapeKind { IntOrString, Int, Double, String, Bytes, Duration, Timestamp, Bool, List, Map, Object }

/// <summary>
/// How a schema node appears to CEL: its declared type (for the checker) and how JSON under it converts to run-time
/// values (escaped field names, numbers as double, formatted strings as timestamps and durations). Built once per
/// schema; <see cref="For"/> returns null for nodes rules cannot see, mirroring Kubernetes' <c>SchemaDeclType</c>.
/// </summary>
internal sealed class CelShape
{
    private CelShape(CelShapeKind kind, SchemaNode schema, DeclType type)
    {
        Kind = kind;
        Schema = schema;
        Type = type;
    }

    public CelShapeKind Kind { get; }

    /// <summary>The schema node (with type and object meta added at resource roots).</summary>
    public SchemaNode Schema { get; }
    public DeclType Type { get; }

    /// <summary>Object fields: JSON name → (CEL name, shape).</summary>
    public IReadOnlyDictionary<string, (string CelName, CelShape Shape)> Fields { get; private init; } = Empty;
    public CelShape? Elem { get; private init; }
    public CelShape? Value { get; private init; }

    private static readonly Dictionary<string, (string, CelShape)> Empty = new(StringComparer.Ordinal);

    public static CelShape? For(SchemaNode? schema, bool isResourceRoot)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema.XIntOrString)
        {
            return new CelShape(CelShapeKind.IntOrString, schema, DeclType.IntOrString);
        }

        if (isResourceRoot)
        {
            schema = SchemaDeclTypes.WithTypeAndObjectMeta(schema);
        }

        switch (schema.Type)
        {
            case "array":
                var elem = For(schema.Items, schema.Items?.XEmbeddedResource ?? false);
                return elem is null ? null : new CelShape(CelShapeKind.List, schema, DeclType.ListOf(elem.Type, schema.XListType)) { Elem = elem };
            case "object":
                if (schema.AdditionalProperties is { } additional)
                {
                    var value = For(additional, additional.XEmbeddedResource);
                    return value is null ? null : new CelShape(CelShapeKind.Map, schema, DeclType.MapOf(DeclType.String, value.Type)) { Value = value };
                }

                var fields = new Dictionary<string, (string, CelShape)>(StringComparer.Ordinal);
                var types = new Dictionary<string, DeclType>(StringComparer.Ordinal);
                foreach (var (name, property) in schema.PropertyList)
                {
                    if (For(property, property.XEmbeddedResource) is { } shape && CelNames.TryEscape(name, out var escaped))
                    {
                        fields[name] = (escaped, shape);
                        types[escaped] = shape.Type;
                    }
                }

                return new CelShape(CelShapeKind.Object, schema, DeclType.ObjectOf(types)) { Fields = fields };
            case "string":
                return schema.Format switch
                {
                    "byte" => new CelShape(CelShapeKind.Bytes, schema, DeclType.Bytes),
                    "duration" => new CelShape(CelShapeKind.Duration, schema, DeclType.Duration),
                    "date" or "date-time" => new CelShape(CelShapeKind.Timestamp, schema, DeclType.Timestamp),
                    _ => new CelShape(CelShapeKind.String, schema, DeclType.String),
                };
            case "boolean":
                return new CelShape(CelShapeKind.Bool, schema, DeclType.Bool);
            case "number":
                return new CelShape(CelShapeKind.Double, schema, DeclType.Double);
            case "integer":
                return new CelShape(CelShapeKind.Int, schema, DeclType.Int);
            default:
                return null;
        }
    }
}
