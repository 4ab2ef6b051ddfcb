using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// Type and object meta of embedded resources (<c>x-kubernetes-embedded-resource</c>): apiVersion and kind are
/// required and well formed, metadata decodes as ObjectMeta and passes apimachinery's ObjectMeta validation with
/// path-segment names. The root's own metadata is the API server's business, not the schema's.
/// </summary>
internal static class ObjectMetaValidator
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    public static void ValidateEmbedded(JsonObject root, SchemaNode schema, List<FieldError> errors) =>
        Walk(FieldPath.Root, root, schema, errors);

    /// <summary>Validates embedded resources within a standalone value (a schema default) reported under <paramref name="path"/>.</summary>
    public static void ValidateEmbedded(JsonNode? value, SchemaNode schema, FieldPath path, List<FieldError> errors) =>
        Walk(path, value, schema, errors);

    private static void Walk(FieldPath path, JsonNode? value, SchemaNode? schema, List<FieldError> errors)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema.XEmbeddedResource)
                {
                    ValidateEmbeddedResource(path, obj, errors);
                }

                foreach (var (key, child) in obj)
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Walk(path.Child(key), child, property, errors);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Walk(path.Key(key), child, additional, errors);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(path.Index(i), array[i], schema.Items, errors);
                }

                break;
        }
    }

    private static void ValidateEmbeddedResource(FieldPath path, JsonObject obj, List<FieldError> errors)
    {
        if (!obj.ContainsKey("apiVersion"))
        {
            errors.Add(FieldErrors.Required(path.Child("apiVersion")));
        }

        if (!obj.ContainsKey("kind"))
        {
            errors.Add(FieldErrors.Required(path.Child("kind")));
        }

        if (obj.TryGetPropertyValue("apiVersion", out var apiVersionNode))
        {
            var apiVersion = JsonValues.AsString(apiVersionNode);
            if (apiVersion is null)
            {
                errors.Add(FieldErrors.Invalid(path.Child("apiVersion"), apiVersionNode, "must be a string"));
            }
            else if (apiVersion.Length == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("apiVersion")));
            }
            else if (apiVersion != "/" && apiVersion.Count(c => c == '/') > 1)
            {
                errors.Add(FieldErrors.Invalid(path.Child("apiVersion"), apiVersion, "unexpected GroupVersion string: " + apiVersion));
            }
        }

        if (obj.TryGetPropertyValue("kind", out var kindNode))
        {
            var kind = JsonValues.AsString(kindNode);
            if (kind is null)
            {
                errors.Add(FieldErrors.Invalid(path.Child("kind"), kindNode, "must be a string"));
            }
            else if (kind.Length == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("kind")));
            }
            else if (KubeNames.IsDns1035Label(kind.ToLowerInvariant()) is { Count: > 0 } kindErrors)
            {
                errors.Add(FieldErrors.Invalid(path.Child("kind"), kind, "may have mixed case, but should otherwise match: " + string.Join(",", kindErrors)));
            }
        }

        if (obj.TryGetPropertyValue("metadata", out var metadata))
        {
            ValidateObjectMeta(path.Child("metadata"), metadata, errors);
        }
    }

    /// <summary>Decodes metadata as ObjectMeta would and validates it (a missing name is tolerated for embedded objects).</summary>
    private static void ValidateObjectMeta(FieldPath path, JsonNode? metadata, List<FieldError> errors)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata is not JsonObject meta)
        {
            errors.Add(FieldErrors.Invalid(path, metadata, $"json: cannot unmarshal {GoJsonKind(metadata)} into Go value of type v1.ObjectMeta"));
            return;
        }

        var decodeError = DecodeError(meta);
        if (decodeError is not null)
        {
            errors.Add(FieldErrors.Invalid(path, metadata, decodeError));
            return;
        }

        var generateName = JsonValues.AsString(meta["generateName"]) ?? "";
        if (generateName.Length > 0)
        {
            foreach (var message in KubeNames.IsValidPathSegmentName(generateName))
            {
                errors.Add(FieldErrors.Invalid(path.Child("generateName"), generateName, message));
            }
        }

        var name = JsonValues.AsString(meta["name"]) ?? "";
        if (name.Length > 0)
        {
            foreach (var message in KubeNames.IsValidPathSegmentName(name))
            {
                errors.Add(FieldErrors.Invalid(path.Child("name"), name, message));
            }
        }

        var ns = JsonValues.AsString(meta["namespace"]) ?? "";
        if (ns.Length > 0)
        {
            foreach (var message in KubeNames.IsDns1123Label(ns))
            {
                errors.Add(FieldErrors.Invalid(path.Child("namespace"), ns, message));
            }
        }

        if (meta["generation"] is JsonValue generation && GoNumber.TryGetInteger(generation, out var g) && g < 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("generation"), generation, "must be greater than or equal to 0"));
        }

        if (meta["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                foreach (var message in KubeNames.IsQualifiedName(key))
                {
                    errors.Add(FieldErrors.Invalid(path.Child("labels"), key, message));
                }

                var text = JsonValues.AsString(value) ?? "";
                foreach (var message in KubeNames.IsValidLabelValue(text))
                {
                    errors.Add(FieldErrors.Invalid(path.Child("labels"), text, message));
                }
            }
        }

        if (meta["annotations"] is JsonObject annotations)
        {
            long size = 0;
            foreach (var (key, value) in annotations)
            {
                foreach (var message in KubeNames.IsQualifiedName(key.ToLowerInvariant()))
                {
                    errors.Add(FieldErrors.Invalid(path.Child("annotations"), key, message));
                }

                size += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(JsonValues.AsString(value) ?? "");
            }

            if (size > TotalAnnotationSizeLimit)
            {
                errors.Add(FieldErrors.TooLong(path.Child("annotations"), JsonValue.Create(""), TotalAnnotationSizeLimit));
            }
        }

        if (meta["finalizers"] is JsonArray finalizers)
        {
            foreach (var finalizer in finalizers)
            {
                var text = JsonValues.AsString(finalizer) ?? "";
                foreach (var message in KubeNames.IsQualifiedName(text))
                {
                    errors.Add(FieldErrors.Invalid(path.Child("finalizers"), text, message));
                }
            }
        }
    }

    /// <summary>The error Go's JSON decoder would give for metadata that does not fit ObjectMeta, or null.</summary>
    private static string? DecodeError(JsonObject meta)
    {
        foreach (var field in new[] { "name", "generateName", "namespace", "uid", "resourceVersion", "selfLink" })
        {
            if (meta[field] is { } value && value.GetValueKind() != JsonValueKind.String && value.GetValueKind() != JsonValueKind.Null)
            {
                return $"json: cannot unmarshal {GoJsonKind(value)} into Go struct field ObjectMeta.{field} of type string";
            }
        }

        foreach (var field in new[] { "labels", "annotations" })
        {
            switch (meta[field])
            {
                case null:
                    break;
                case JsonObject map:
                    foreach (var (_, value) in map)
                    {
                        if (value is not null && value.GetValueKind() != JsonValueKind.String)
                        {
                            return $"json: cannot unmarshal {GoJsonKind(value)} into Go struct field ObjectMeta.{field} of type string";
                        }
                    }

                    break;
                case var other:
                    return $"json: cannot unmarshal {GoJsonKind(other)} into Go struct field ObjectMeta.{field} of type map[string]string";
            }
        }

        if (meta["generation"] is { } generation && (generation.GetValueKind() != JsonValueKind.Number || !GoNumber.TryGetInteger(generation.AsValue(), out _)))
        {
            return $"json: cannot unmarshal {GoJsonKind(generation)} into Go struct field ObjectMeta.generation of type int64";
        }

        return null;
    }

    private static string GoJsonKind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
