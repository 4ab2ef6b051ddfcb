using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Tables;

/// <summary>What a Table row carries besides its cells (the <c>includeObject</c> parameter).</summary>
public enum TableObjectPolicy
{
    None,
    Metadata,
    Object,
}

/// <summary>Renders objects as a <c>meta.k8s.io/v1</c> Table: the Name column, the kind's columns, one row per object.</summary>
public sealed class TableConverter
{
    private readonly IReadOnlyList<TableColumn> _columns;

    public TableConverter(ResourceDefinition definition)
    {
        _columns = definition.Columns.Count > 0 ? definition.Columns : [TableColumn.Age()];
    }

    public JsonObject Convert(IEnumerable<JsonObject> objects, JsonObject listMetadata, DateTimeOffset now, TableObjectPolicy policy, bool includeColumns = true)
    {
        var columns = new JsonArray();
        if (includeColumns)
        {
            columns.Add(new JsonObject
            {
                ["name"] = "Name",
                ["type"] = "string",
                ["format"] = "name",
                ["description"] = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
                ["priority"] = 0,
            });
            foreach (var c in _columns)
            {
                columns.Add(new JsonObject
                {
                    ["name"] = c.Name,
                    ["type"] = c.Type,
                    ["format"] = c.Format,
                    ["description"] = c.Description,
                    ["priority"] = c.Priority,
                });
            }
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray { (string?)obj["metadata"]?["name"] ?? "" };
            foreach (var c in _columns)
            {
                cells.Add(c.Cell(obj, now));
            }

            var row = new JsonObject { ["cells"] = cells };
            switch (policy)
            {
                case TableObjectPolicy.Object:
                    row["object"] = obj.DeepClone();
                    break;
                case TableObjectPolicy.Metadata:
                    row["object"] = PartialObjectMetadata(obj);
                    break;
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    public static JsonObject PartialObjectMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };
}
