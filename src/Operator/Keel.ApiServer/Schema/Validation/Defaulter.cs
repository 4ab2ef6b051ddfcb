using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// Structural defaulting as the apiextensions server does it while decoding: first nulls of non-nullable fields
/// without a default are dropped, then absent fields with a default get a deep copy of it and non-nullable nulls with
/// a default are replaced. Defaults of nested fields apply only where the parent exists (or was itself defaulted).
/// </summary>
internal static class Defaulter
{
    public static void Apply(JsonNode? value, SchemaNode schema)
    {
        PruneNonNullableNullsWithoutDefaults(value, schema);
        Default(value, schema);
    }

    private static void PruneNonNullableNullsWithoutDefaults(JsonNode? value, SchemaNode? schema)
    {
        switch (value)
        {
            case JsonObject obj:
                List<string>? toRemove = null;
                foreach (var (key, child) in obj)
                {
                    var childSchema = schema?.ChildFor(key);
                    if (child is null && childSchema is { Nullable: false, HasDefault: false })
                    {
                        (toRemove ??= []).Add(key);
                    }
                    else
                    {
                        PruneNonNullableNullsWithoutDefaults(child, childSchema);
                    }
                }

                if (toRemove is not null)
                {
                    foreach (var key in toRemove)
                    {
                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    PruneNonNullableNullsWithoutDefaults(item, schema?.Items);
                }

                break;
        }
    }

    private static void Default(JsonNode? value, SchemaNode? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.PropertyList)
                {
                    if (!property.HasDefault || property.Default is null)
                    {
                        continue;
                    }

                    if (!obj.TryGetPropertyValue(name, out var existing) || (existing is null && !property.Nullable))
                    {
                        obj[name] = property.Default.DeepClone();
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Default(child, property);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        if (child is null && !additional.Nullable && additional is { HasDefault: true, Default: not null })
                        {
                            // Replaced below through the parent, as Go does; JsonObject forbids mutation while iterating.
                            continue;
                        }

                        Default(child, additional);
                    }
                }

                if (schema.AdditionalProperties is { HasDefault: true, Default: not null, Nullable: false } mapValues)
                {
                    foreach (var key in obj.Where(p => p.Value is null && !schema.Properties.ContainsKey(p.Key)).Select(p => p.Key).ToList())
                    {
                        obj[key] = mapValues.Default.DeepClone();
                        Default(obj[key], mapValues);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && !items.Nullable && items is { HasDefault: true, Default: not null })
                    {
                        array[i] = items.Default.DeepClone();
                    }

                    Default(array[i], items);
                }

                break;
        }
    }
}
