using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// Drops fields the structural schema does not specify, as the apiextensions pruning algorithm does, and records
/// each dropped field as <c>spec.foo</c> / <c>spec.items[0].bar</c> / <c>spec.labels.key.x</c> (the unknown-field
/// paths of the real server's warnings). <c>x-kubernetes-preserve-unknown-fields</c> stops pruning beneath a node
/// except inside the properties it does specify; type and object meta of the root and of embedded resources are
/// kept, with unknown ObjectMeta fields dropped as decoding into ObjectMeta does.
/// </summary>
internal sealed class Pruner
{
    private readonly List<string> _unknown;
    private readonly List<string> _path = new(16);

    private Pruner(List<string> unknown) => _unknown = unknown;

    /// <summary>Prunes <paramref name="root"/> (a whole resource) in place; returns the unknown field paths in document order.</summary>
    public static List<string> PruneResource(JsonObject root, SchemaNode schema)
    {
        var unknown = new List<string>();
        new Pruner(unknown).PruneObject(root, schema, isResourceRoot: true);
        return unknown;
    }

    /// <summary>Prunes a standalone value (a schema default) against its node; returns the unknown field paths.</summary>
    public static List<string> PruneValue(JsonNode? value, SchemaNode schema)
    {
        var unknown = new List<string>();
        new Pruner(unknown).Prune(value, schema);
        return unknown;
    }

    private void Prune(JsonNode? value, SchemaNode? schema)
    {
        if (schema is { XPreserveUnknownFields: true })
        {
            SkipPrune(value, schema);
            return;
        }

        switch (value)
        {
            case JsonObject obj when schema is null:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    Record(key);
                    obj.Remove(key);
                }

                break;
            case JsonObject obj:
                PruneObject(obj, schema, schema.XEmbeddedResource);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    PushIndex(i);
                    Prune(array[i], schema?.Items);
                    Pop();
                }

                break;
        }
    }

    private void PruneObject(JsonObject obj, SchemaNode schema, bool isResourceRoot)
    {
        List<string>? toRemove = null;
        foreach (var (key, child) in obj)
        {
            if (isResourceRoot && ObjectMetaFields.IsTypeOrObjectMeta(key))
            {
                if (key == "metadata" && child is JsonObject metadata)
                {
                    PushKey(key);
                    CoerceObjectMeta(metadata);
                    Pop();
                }

                continue;
            }

            if (schema.Properties.TryGetValue(key, out var property))
            {
                PushKey(key);
                Prune(child, property);
                Pop();
            }
            else if (schema.AdditionalProperties is not null || schema.AdditionalPropertiesAllowedWithoutSchema)
            {
                PushKey(key);
                Prune(child, schema.AdditionalProperties);
                Pop();
            }
            else
            {
                Record(key);
                (toRemove ??= []).Add(key);
            }
        }

        if (toRemove is not null)
        {
            foreach (var key in toRemove)
            {
                obj.Remove(key);
            }
        }
    }

    private void SkipPrune(JsonNode? value, SchemaNode schema)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (schema.XEmbeddedResource && ObjectMetaFields.IsTypeOrObjectMeta(key))
                    {
                        if (key == "metadata" && child is JsonObject metadata)
                        {
                            PushKey(key);
                            CoerceObjectMeta(metadata);
                            Pop();
                        }

                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        PushKey(key);
                        Prune(child, property);
                        Pop();
                    }
                    else if (schema.AdditionalProperties is not null)
                    {
                        PushKey(key);
                        Prune(child, schema.AdditionalProperties);
                        Pop();
                    }
                }

                break;
            case JsonArray array when schema.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    PushIndex(i);
                    SkipPrune(array[i], schema.Items);
                    Pop();
                }

                break;
        }
    }

    /// <summary>Decoding metadata into <c>metav1.ObjectMeta</c> keeps only the fields ObjectMeta has.</summary>
    private void CoerceObjectMeta(JsonObject metadata)
    {
        DropUnknown(metadata, ObjectMetaFields.Known);
        if (metadata["ownerReferences"] is JsonArray owners)
        {
            DropUnknownInItems("ownerReferences", owners, ObjectMetaFields.OwnerReferenceFields);
        }

        if (metadata["managedFields"] is JsonArray managed)
        {
            DropUnknownInItems("managedFields", managed, ObjectMetaFields.ManagedFieldsEntryFields);
        }
    }

    private void DropUnknownInItems(string key, JsonArray items, HashSet<string> known)
    {
        PushKey(key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                PushIndex(i);
                DropUnknown(item, known);
                Pop();
            }
        }

        Pop();
    }

    private void DropUnknown(JsonObject obj, HashSet<string> known)
    {
        List<string>? toRemove = null;
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key))
            {
                Record(key);
                (toRemove ??= []).Add(key);
            }
        }

        if (toRemove is not null)
        {
            foreach (var key in toRemove)
            {
                obj.Remove(key);
            }
        }
    }

    private void PushKey(string key)
    {
        if (_path.Count > 0)
        {
            _path.Add(".");
        }

        _path.Add(key);
    }

    private void PushIndex(int index) => _path.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    private void Pop()
    {
        var last = _path[^1];
        _path.RemoveAt(_path.Count - 1);
        if (!last.StartsWith('[') && _path.Count > 0 && _path[^1] == ".")
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void Record(string key)
    {
        _unknown.Add(_path.Count == 0 ? key : string.Concat(string.Concat(_path), ".", key));
    }
}
