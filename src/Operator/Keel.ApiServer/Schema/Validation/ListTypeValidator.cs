using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// The uniqueness invariants of <c>x-kubernetes-list-type: set</c> (whole items) and <c>map</c> (key fields):
/// every repeat is a <c>FieldValueDuplicate</c> on the item that repeats an earlier one.
/// </summary>
internal static class ListTypeValidator
{
    public static void Validate(JsonObject root, SchemaNode schema, List<FieldError> errors) =>
        ValidateObject(FieldPath.Root, schema, root, errors);

    private static void ValidateObject(FieldPath path, SchemaNode schema, JsonObject obj, List<FieldError> errors)
    {
        foreach (var (key, value) in obj)
        {
            if (schema.Properties.TryGetValue(key, out var property))
            {
                ValidateValue(path.Child(key), property, value, errors);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                ValidateValue(path.Key(key), additional, value, errors);
            }
        }
    }

    private static void ValidateValue(FieldPath path, SchemaNode schema, JsonNode? value, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonArray array:
                ValidateArray(path, schema, array, errors);
                break;
            case JsonObject obj:
                ValidateObject(path, schema, obj, errors);
                break;
        }
    }

    private static void ValidateArray(FieldPath path, SchemaNode schema, JsonArray array, List<FieldError> errors)
    {
        switch (schema.XListType)
        {
            case "set":
                foreach (var index in RepeatedIndexes(array.Select(ScalarOrCompoundKey).ToList()))
                {
                    errors.Add(FieldErrors.Duplicate(path.Index(index), array[index]));
                }

                break;
            case "map":
                ValidateListMap(path, schema, array, errors);
                break;
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(path.Index(i), items, array[i], errors);
            }
        }
    }

    private static void ValidateListMap(FieldPath path, SchemaNode schema, JsonArray array, List<FieldError> errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                errors.Add(FieldErrors.Invalid(path.Index(i), array[i], "must be an object for an array of list-type map"));
                return;
            }
        }

        if (array.Count <= 1)
        {
            return;
        }

        var keyFields = schema.XListMapKeys;
        var keys = new List<string>(array.Count);
        var builder = new System.Text.StringBuilder();
        foreach (var item in array)
        {
            builder.Clear();
            if (item is JsonObject obj)
            {
                foreach (var field in keyFields)
                {
                    // Absent and null keys differ, as they do for the server.
                    builder.Append(obj.TryGetPropertyValue(field, out var keyValue) ? JsonValues.CanonicalJson(keyValue) : "\u0000").Append('\u0001');
                }
            }

            keys.Add(builder.ToString());
        }

        foreach (var index in RepeatedIndexes(keys))
        {
            var key = new JsonObject();
            if (array[index] is JsonObject obj)
            {
                foreach (var field in keyFields)
                {
                    if (obj.TryGetPropertyValue(field, out var keyValue))
                    {
                        key[field] = keyValue?.DeepClone();
                    }
                }
            }

            errors.Add(FieldErrors.Duplicate(path.Index(index), key));
        }
    }

    /// <summary>The index of the second appearance of each repeated key (later repeats are not reported again).</summary>
    private static IEnumerable<int> RepeatedIndexes(List<string> keys)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            seen.TryGetValue(keys[i], out var times);
            seen[keys[i]] = times + 1;
            if (times == 1)
            {
                yield return i;
            }
        }
    }

    /// <summary>Go compares scalars by dynamic type and value, compound items by their JSON.</summary>
    private static string ScalarOrCompoundKey(JsonNode? item) => JsonValues.KindOf(item) switch
    {
        JsonValueKind.Number when GoNumber.TryGetInteger(item!.AsValue(), out _) => "i" + JsonValues.CanonicalJson(item),
        JsonValueKind.Number => "f" + JsonValues.CanonicalJson(item),
        _ => JsonValues.CanonicalJson(item),
    };
}
