using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>
/// The structural schema rules (apiextensions <c>ValidateStructural</c>): every node has a type (unless int-or-string
/// or preserving unknown fields), arrays have items, value validations under allOf/anyOf/oneOf/not carry no types,
/// defaults, descriptions or extensions and specify nothing the structural spine lacks, root metadata restricts only
/// name and generateName. Errors are sorted by their text, as the server sorts them.
/// </summary>
internal static class StructuralInvariants
{
    private enum Level { Root, Item, Field }

    private static readonly HashSet<string> AllowedRootMetadataKeys = new(StringComparer.Ordinal) { "type", "default", "properties" };

    public static List<FieldError> Validate(JsonObject schema, FieldPath path)
    {
        var errors = new List<FieldError>();
        Invariants(schema, Level.Root, path, errors);
        Completeness(schema, path, errors);
        errors.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return errors;
    }

    private static void Invariants(JsonObject? s, Level level, FieldPath path, List<FieldError> errors)
    {
        if (s is null)
        {
            return;
        }

        var type = JsonRead.Str(s, "type");
        if (type == "array" && !s.ContainsKey("items"))
        {
            errors.Add(FieldErrors.Required(path.Child("items"), "must be specified"));
        }

        Invariants(JsonRead.Obj(s, "items"), Level.Item, path.Child("items"), errors);
        var properties = JsonRead.Obj(s, "properties");
        if (properties is not null)
        {
            foreach (var (name, property) in properties)
            {
                Invariants(property as JsonObject, Level.Field, path.Child("properties").Key(name), errors);
            }
        }

        if (s.ContainsKey("additionalProperties"))
        {
            if (level == Level.Root)
            {
                errors.Add(FieldErrors.Forbidden(path.Child("additionalProperties"), "must not be used at the root"));
            }

            Invariants(JsonRead.Obj(s, "additionalProperties"), Level.Field, path.Child("additionalProperties"), errors);
        }

        var intOrString = JsonRead.Bool(s, "x-kubernetes-int-or-string");
        var preserve = JsonRead.Bool(s, "x-kubernetes-preserve-unknown-fields");
        var embedded = JsonRead.Bool(s, "x-kubernetes-embedded-resource");
        if (intOrString && preserve)
        {
            errors.Add(FieldErrors.Invalid(path.Child("x-kubernetes-preserve-unknown-fields"), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(FieldErrors.Invalid(path.Child("x-kubernetes-embedded-resource"), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }

        ValueValidation(s, IsIntOrStringAnyOf(s), IsIntOrStringAllOf(s), level, path, errors);

        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldErrors.Required(path.Child("type"), "must be object if x-kubernetes-embedded-resource is true")
                : FieldErrors.Invalid(path.Child("type"), type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            errors.Add(FieldErrors.Required(path.Child("type"), level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (embedded && s.ContainsKey("additionalProperties"))
        {
            errors.Add(FieldErrors.Forbidden(path.Child("additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldErrors.Invalid(path.Child("type"), type, "must be object at the root"));
        }

        var checkMetadata = level == Level.Root || embedded;
        foreach (var meta in new[] { "kind", "apiVersion" })
        {
            if (checkMetadata && JsonRead.Obj(properties, meta) is { } metaSchema && JsonRead.Str(metaSchema, "type") != "string")
            {
                errors.Add(FieldErrors.Invalid(path.Child("properties").Key(meta).Child("type"), JsonRead.Str(metaSchema, "type"), "must be string"));
            }
        }

        if (JsonRead.Obj(properties, "metadata") is { } metadata)
        {
            var metadataPath = path.Child("properties").Key("metadata");
            if (checkMetadata && JsonRead.Str(metadata, "type") != "object")
            {
                errors.Add(FieldErrors.Invalid(metadataPath.Child("type"), JsonRead.Str(metadata, "type"), "must be object"));
            }

            if (level == Level.Root && !IsNameOnlyMetadata(metadata))
            {
                errors.Add(FieldErrors.Forbidden(metadataPath, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
            }
        }

        if (embedded && !preserve && (properties is null || properties.Count == 0))
        {
            errors.Add(FieldErrors.Required(path.Child("properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static bool IsNameOnlyMetadata(JsonObject metadata)
    {
        if (metadata.Any(p => !AllowedRootMetadataKeys.Contains(p.Key)))
        {
            return false;
        }

        return JsonRead.Obj(metadata, "properties") is not { } properties || properties.All(p => p.Key is "name" or "generateName");
    }

    private static void ValueValidation(JsonObject v, bool skipAnyOf, bool skipFirstAllOfAnyOf, Level level, FieldPath path, List<FieldError> errors)
    {
        if (!skipAnyOf)
        {
            var anyOf = JsonRead.Arr(v, "anyOf");
            for (var i = 0; i < anyOf.Count; i++)
            {
                Nested(anyOf[i] as JsonObject, false, level, path.Child("anyOf").Index(i), errors);
            }
        }

        var allOf = JsonRead.Arr(v, "allOf");
        for (var i = 0; i < allOf.Count; i++)
        {
            Nested(allOf[i] as JsonObject, skipFirstAllOfAnyOf && i == 0, level, path.Child("allOf").Index(i), errors);
        }

        var oneOf = JsonRead.Arr(v, "oneOf");
        for (var i = 0; i < oneOf.Count; i++)
        {
            Nested(oneOf[i] as JsonObject, false, level, path.Child("oneOf").Index(i), errors);
        }

        Nested(JsonRead.Obj(v, "not"), false, level, path.Child("not"), errors);

        var pattern = JsonRead.Str(v, "pattern");
        if (pattern.Length > 0 && !Re2Regex.TryCompile(pattern, out _, out var error))
        {
            errors.Add(FieldErrors.Invalid(path.Child("pattern"), pattern, "must be a valid regular expression, but isn't: " + error));
        }
    }

    private static void Nested(JsonObject? v, bool skipAnyOf, Level level, FieldPath path, List<FieldError> errors)
    {
        if (v is null)
        {
            return;
        }

        ValueValidation(v, skipAnyOf, false, level, path, errors);
        Nested(JsonRead.Obj(v, "items"), false, level, path.Child("items"), errors);
        if (JsonRead.Obj(v, "properties") is { } properties)
        {
            foreach (var (name, property) in properties)
            {
                Nested(property as JsonObject, false, Level.Field, path.Child("properties").Key(name), errors);
            }

            if (properties.ContainsKey("metadata"))
            {
                errors.Add(FieldErrors.Forbidden(path.Child("properties").Key("metadata"), "must not be specified in a nested context"));
            }
        }

        Forbid(v, path, errors, "type", "must be empty to be structural");
        if (v.ContainsKey("additionalProperties"))
        {
            errors.Add(FieldErrors.Forbidden(path.Child("additionalProperties"), "must be undefined to be structural"));
        }

        if (v.ContainsKey("default"))
        {
            errors.Add(FieldErrors.Forbidden(path.Child("default"), "must be undefined to be structural"));
        }

        Forbid(v, path, errors, "title", "must be empty to be structural");
        Forbid(v, path, errors, "description", "must be empty to be structural");
        ForbidTrue(v, path, errors, "nullable");
        if (v.ContainsKey("externalDocs"))
        {
            errors.Add(FieldErrors.Forbidden(path.Child("externalDocs"), "must be undefined to be structural"));
        }

        ForbidTrue(v, path, errors, "x-kubernetes-preserve-unknown-fields");
        ForbidTrue(v, path, errors, "x-kubernetes-embedded-resource");
        ForbidTrue(v, path, errors, "x-kubernetes-int-or-string");
        if (JsonRead.Arr(v, "x-kubernetes-list-map-keys").Count > 0)
        {
            errors.Add(FieldErrors.Forbidden(path.Child("x-kubernetes-list-map-keys"), "must be empty to be structural"));
        }

        foreach (var key in new[] { "x-kubernetes-list-type", "x-kubernetes-map-type" })
        {
            if (v.ContainsKey(key))
            {
                errors.Add(FieldErrors.Forbidden(path.Child(key), "must be undefined to be structural"));
            }
        }

        if (JsonRead.Arr(v, "x-kubernetes-validations").Count > 0)
        {
            errors.Add(FieldErrors.Forbidden(path.Child("x-kubernetes-validations"), "must be empty to be structural"));
        }
    }

    private static void Forbid(JsonObject v, FieldPath path, List<FieldError> errors, string key, string detail)
    {
        if (JsonRead.Str(v, key).Length > 0)
        {
            errors.Add(FieldErrors.Forbidden(path.Child(key), detail));
        }
    }

    private static void ForbidTrue(JsonObject v, FieldPath path, List<FieldError> errors, string key)
    {
        if (JsonRead.Bool(v, key))
        {
            errors.Add(FieldErrors.Forbidden(path.Child(key), "must be false to be structural"));
        }
    }

    /// <summary>Fields and items named in value validations must exist in the structural schema.</summary>
    private static void Completeness(JsonObject s, FieldPath path, List<FieldError> errors)
    {
        foreach (var (combinator, branch, index) in Branches(s))
        {
            var branchPath = index is { } i ? FieldPath.Root.Child(combinator).Index(i) : FieldPath.Root.Child(combinator);
            NestedCompleteness(branch, s, path, branchPath, errors);
        }

        foreach (var (name, property) in JsonRead.Obj(s, "properties") ?? [])
        {
            if (property is JsonObject child)
            {
                Completeness(child, path.Child("properties").Key(name), errors);
            }
        }

        if (JsonRead.Obj(s, "items") is { } items)
        {
            Completeness(items, path.Child("items"), errors);
        }

        if (JsonRead.Obj(s, "additionalProperties") is { } additional)
        {
            Completeness(additional, path.Child("additionalProperties"), errors);
        }
    }

    private static void NestedCompleteness(JsonObject v, JsonObject? s, FieldPath sPath, FieldPath vPath, List<FieldError> errors)
    {
        if (s is null)
        {
            errors.Add(FieldErrors.Required(sPath, "because it is defined in " + vPath));
            return;
        }

        foreach (var (combinator, branch, index) in Branches(v))
        {
            var branchPath = index is { } i ? vPath.Child(combinator).Index(i) : vPath.Child(combinator);
            NestedCompleteness(branch, s, sPath, branchPath, errors);
        }

        if (JsonRead.Obj(v, "items") is { } items)
        {
            NestedCompleteness(items, JsonRead.Obj(s, "items"), sPath.Child("items"), vPath.Child("items"), errors);
        }

        foreach (var (name, property) in JsonRead.Obj(v, "properties") ?? [])
        {
            if (property is not JsonObject nested)
            {
                continue;
            }

            if (JsonRead.Obj(JsonRead.Obj(s, "properties"), name) is { } structural)
            {
                NestedCompleteness(nested, structural, sPath.Child("properties").Key(name), vPath.Child("properties").Key(name), errors);
            }
            else
            {
                errors.Add(FieldErrors.Required(sPath.Child("properties").Key(name), "because it is defined in " + vPath.Child("properties").Key(name)));
            }
        }
    }

    private static IEnumerable<(string Combinator, JsonObject Branch, int? Index)> Branches(JsonObject v)
    {
        if (JsonRead.Obj(v, "not") is { } not)
        {
            yield return ("not", not, null);
        }

        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            var branches = JsonRead.Arr(v, combinator);
            for (var i = 0; i < branches.Count; i++)
            {
                if (branches[i] is JsonObject branch)
                {
                    yield return (combinator, branch, i);
                }
            }
        }
    }

    private static bool IsIntOrStringAnyOf(JsonObject s) => IsIntOrStringPair(JsonRead.Arr(s, "anyOf"));

    private static bool IsIntOrStringAllOf(JsonObject s) =>
        JsonRead.Arr(s, "allOf") is { Count: >= 1 } allOf && allOf[0] is JsonObject first && IsIntOrStringPair(JsonRead.Arr(first, "anyOf"));

    private static bool IsIntOrStringPair(JsonArray anyOf) =>
        anyOf.Count == 2
        && anyOf[0] is JsonObject a && a.Count == 1 && JsonRead.Str(a, "type") == "integer"
        && anyOf[1] is JsonObject b && b.Count == 1 && JsonRead.Str(b, "type") == "string";
}
