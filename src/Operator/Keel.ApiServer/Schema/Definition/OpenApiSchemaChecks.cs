using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>
/// The per-node checks of an <c>openAPIV3Schema</c> (apiextensions <c>ValidateCustomResourceDefinitionOpenAPISchema</c>):
/// unsupported keywords, defaults where they are not allowed, <c>x-kubernetes-*</c> extension consistency, static
/// checks of <c>x-kubernetes-validations</c> and compilation of their CEL. Schema errors come first, then CEL errors,
/// as the server orders them; CEL is only compiled where the schema below a node is sound.
/// </summary>
internal sealed class OpenApiSchemaChecks
{
    private static readonly string[] OpenApiTypes = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly string[] SupportedReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    public List<FieldError> SchemaErrors { get; } = [];
    public List<FieldError> CelErrors { get; } = [];

    public void Check(JsonObject? schema, FieldPath path, SchemaCheckContext context, bool isRoot)
    {
        if (schema is null)
        {
            return;
        }

        var schemaErrorsBefore = SchemaErrors.Count;
        CheckKeywords(schema, path, context);

        if (JsonRead.Bool(schema, "uniqueItems"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        var properties = JsonRead.Obj(schema, "properties");
        if (schema["additionalProperties"] is { } additional)
        {
            if (properties is { Count: > 0 } && (additional is JsonObject || JsonValues.AsBool(additional) == false))
            {
                SchemaErrors.Add(FieldErrors.Forbidden(path.Child("additionalProperties"), "additionalProperties and properties are mutual exclusive"));
            }

            var sub = context.InsideResourceMeta ? context.WithForbiddenDefaults("inside additionalProperties applying to object metadata") : context;
            Check(additional as JsonObject, path.Child("additionalProperties"), sub, isRoot: false);
        }

        if (properties is not null)
        {
            var embedded = JsonRead.Bool(schema, "x-kubernetes-embedded-resource");
            foreach (var (name, property) in properties)
            {
                var sub = context;
                if ((isRoot || embedded) && MetaFields.Contains(name))
                {
                    sub = sub.WithInsideResourceMeta();
                    if (isRoot)
                    {
                        sub = sub.WithForbiddenDefaults("in top-level " + name);
                    }
                }

                Check(property as JsonObject, path.Child("properties").Key(name), sub, isRoot: false);
            }
        }

        Check(JsonRead.Obj(schema, "not"), path.Child("not"), context, isRoot: false);
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            var branches = JsonRead.Arr(schema, combinator);
            for (var i = 0; i < branches.Count; i++)
            {
                Check(branches[i] as JsonObject, path.Child(combinator).Index(i), context, isRoot: false);
            }
        }

        if (JsonRead.Obj(schema, "definitions") is { } definitions)
        {
            foreach (var (name, definition) in definitions)
            {
                Check(definition as JsonObject, path.Child("definitions").Key(name), context, isRoot: false);
            }
        }

        var listType = JsonRead.Str(schema, "x-kubernetes-list-type");
        if (schema["items"] is JsonObject items)
        {
            var sub = JsonRead.Has(schema, "x-kubernetes-list-type") && listType == "map" ? context : context.WithUncorrelatable(path);
            Check(items, path.Child("items"), sub, isRoot: false);
        }
        else if (schema["items"] is JsonArray itemArray)
        {
            for (var i = 0; i < itemArray.Count; i++)
            {
                Check(itemArray[i] as JsonObject, path.Child("items").Index(i), context, isRoot: false);
            }
        }

        if (JsonRead.Obj(schema, "dependencies") is { } dependencies)
        {
            foreach (var (name, dependency) in dependencies)
            {
                Check(dependency as JsonObject, path.Child("dependencies").Key(name), context, isRoot: false);
            }
        }

        CheckExtensions(schema, path);
        CheckMapListKeysMapSet(schema, path);
        CheckValidationRules(schema, path, context, isRoot, sound: SchemaErrors.Count == schemaErrorsBefore);
    }

    /// <summary>The specStandardValidator checks of one node.</summary>
    private void CheckKeywords(JsonObject schema, FieldPath path, SchemaCheckContext context)
    {
        var type = JsonRead.Str(schema, "type");
        if (type.Length > 0 && type != "null" && !OpenApiTypes.Contains(type))
        {
            SchemaErrors.Add(FieldErrors.NotSupported(path.Child("type"), JsonValue.Create(type), OpenApiTypes));
        }

        if (schema.ContainsKey("default") && !context.AllowDefaults)
        {
            var detail = "must not be set" + (context.DisallowDefaultsReason.Length > 0 ? " " + context.DisallowDefaultsReason : "");
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("default"), detail));
        }

        if (JsonRead.Str(schema, "id").Length > 0)
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("id"), "id is not supported"));
        }

        if (schema.ContainsKey("additionalItems"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("additionalItems"), "additionalItems is not supported"));
        }

        if (JsonRead.Obj(schema, "patternProperties") is { Count: > 0 })
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("patternProperties"), "patternProperties is not supported"));
        }

        if (JsonRead.Obj(schema, "definitions") is { Count: > 0 })
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("definitions"), "definitions is not supported"));
        }

        if (schema.ContainsKey("dependencies"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("dependencies"), "dependencies is not supported"));
        }

        if (schema.ContainsKey("$ref"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("$ref"), "$ref is not supported"));
        }

        if (type == "null")
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("type"), "type cannot be set to null, use nullable as an alternative"));
        }

        if (schema["items"] is JsonArray)
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("items"), "items must be a schema object and not an array"));
        }

        if (context.InsideResourceMeta && JsonRead.Bool(schema, "x-kubernetes-embedded-resource"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("x-kubernetes-embedded-resource"), "must not be used inside of resource meta"));
        }
    }

    private void CheckExtensions(JsonObject schema, FieldPath path)
    {
        var type = JsonRead.Str(schema, "type");
        if (JsonRead.OptionalBool(schema, "x-kubernetes-preserve-unknown-fields") == false)
        {
            SchemaErrors.Add(FieldErrors.Invalid(path.Child("x-kubernetes-preserve-unknown-fields"), JsonValue.Create(false), "must be true or undefined"));
        }

        if (schema.ContainsKey("x-kubernetes-map-type"))
        {
            var mapType = JsonRead.Str(schema, "x-kubernetes-map-type");
            if (type != "object")
            {
                SchemaErrors.Add(type.Length == 0
                    ? FieldErrors.Required(path.Child("type"), "must be object if x-kubernetes-map-type is specified")
                    : FieldErrors.Invalid(path.Child("type"), type, "must be object if x-kubernetes-map-type is specified"));
            }

            if (mapType is not ("atomic" or "granular"))
            {
                SchemaErrors.Add(FieldErrors.NotSupported(path.Child("x-kubernetes-map-type"), JsonValue.Create(mapType), ["atomic", "granular"]));
            }
        }

        var hasListType = schema.ContainsKey("x-kubernetes-list-type");
        var listType = JsonRead.Str(schema, "x-kubernetes-list-type");
        var items = JsonRead.Obj(schema, "items");
        if (hasListType && type != "array")
        {
            SchemaErrors.Add(type.Length == 0
                ? FieldErrors.Required(path.Child("type"), "must be array if x-kubernetes-list-type is specified")
                : FieldErrors.Invalid(path.Child("type"), type, "must be array if x-kubernetes-list-type is specified"));
        }
        else if (listType == "set" && items is not null)
        {
            var itemType = JsonRead.Str(items, "type");
            if (itemType == "array" && items.ContainsKey("x-kubernetes-list-type") && JsonRead.Str(items, "x-kubernetes-list-type") != "atomic")
            {
                SchemaErrors.Add(FieldErrors.Invalid(path.Child("items").Child("x-kubernetes-list-type"), JsonRead.Str(items, "x-kubernetes-list-type"), "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
            else if (itemType == "object" && JsonRead.Str(items, "x-kubernetes-map-type") != "atomic")
            {
                SchemaErrors.Add(FieldErrors.Invalid(path.Child("items").Child("x-kubernetes-map-type"), (JsonNode?)null, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }

        if (hasListType && listType is not ("atomic" or "set" or "map"))
        {
            SchemaErrors.Add(FieldErrors.NotSupported(path.Child("x-kubernetes-list-type"), JsonValue.Create(listType), ["atomic", "set", "map"]));
        }

        var mapKeys = JsonRead.Strings(schema, "x-kubernetes-list-map-keys");
        var mapKeysJson = schema["x-kubernetes-list-map-keys"];
        if (mapKeys.Count > 0)
        {
            if (!hasListType)
            {
                SchemaErrors.Add(FieldErrors.Required(path.Child("x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
            else if (listType != "map")
            {
                SchemaErrors.Add(FieldErrors.Invalid(path.Child("x-kubernetes-list-type"), listType, "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
        }

        if (listType == "map")
        {
            if (mapKeys.Count == 0)
            {
                SchemaErrors.Add(FieldErrors.Required(path.Child("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map"));
            }

            if (!schema.ContainsKey("items"))
            {
                SchemaErrors.Add(FieldErrors.Required(path.Child("items"), "must have a schema if x-kubernetes-list-type is map"));
            }
            else if (items is null)
            {
                SchemaErrors.Add(FieldErrors.Invalid(path.Child("items"), schema["items"], "must only have a single schema if x-kubernetes-list-type is map"));
            }
            else if (JsonRead.Str(items, "type") != "object")
            {
                SchemaErrors.Add(FieldErrors.Invalid(path.Child("items").Child("type"), JsonRead.Str(items, "type"), "must be object if parent array's x-kubernetes-list-type is map"));
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var itemProperties = JsonRead.Obj(items, "properties");
                foreach (var key in mapKeys)
                {
                    if (itemProperties?[key] is JsonObject keySchema)
                    {
                        if (JsonRead.Str(keySchema, "type") is "array" or "object")
                        {
                            SchemaErrors.Add(FieldErrors.Invalid(path.Child("items").Child("properties").Key(key).Child("type"), "object", "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                        }
                    }
                    else
                    {
                        SchemaErrors.Add(FieldErrors.InvalidRendered(path.Child("x-kubernetes-list-map-keys"), GoStrings(mapKeys), JsonValues.ToJson(mapKeysJson), "entries must all be names of item properties"));
                    }

                    if (!seen.Add(key))
                    {
                        SchemaErrors.Add(FieldErrors.InvalidRendered(path.Child("x-kubernetes-list-map-keys"), GoStrings(mapKeys), JsonValues.ToJson(mapKeysJson), "must not contain duplicate entries"));
                    }
                }
            }
        }
    }

    /// <summary>Set and map list items are not nullable; map keys are required or defaulted and never nullable.</summary>
    private void CheckMapListKeysMapSet(JsonObject schema, FieldPath path)
    {
        var listType = JsonRead.Str(schema, "x-kubernetes-list-type");
        if (JsonRead.Obj(schema, "items") is not { } items || listType is not ("set" or "map"))
        {
            return;
        }

        if (JsonRead.Bool(items, "nullable"))
        {
            SchemaErrors.Add(FieldErrors.Forbidden(path.Child("items").Child("nullable"), "cannot be nullable when x-kubernetes-list-type is " + listType));
        }

        if (listType != "map")
        {
            return;
        }

        var required = JsonRead.Strings(items, "required").ToHashSet(StringComparer.Ordinal);
        foreach (var key in JsonRead.Strings(schema, "x-kubernetes-list-map-keys"))
        {
            if (JsonRead.Obj(JsonRead.Obj(items, "properties"), key) is not { } keySchema)
            {
                continue;
            }

            if (!required.Contains(key) && !keySchema.ContainsKey("default"))
            {
                SchemaErrors.Add(FieldErrors.Required(path.Child("items").Child("properties").Key(key).Child("default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }

            if (JsonRead.Bool(keySchema, "nullable"))
            {
                SchemaErrors.Add(FieldErrors.Forbidden(path.Child("items").Child("properties").Key(key).Child("nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
            }
        }
    }

    private void CheckValidationRules(JsonObject schema, FieldPath path, SchemaCheckContext context, bool isRoot, bool sound)
    {
        var rules = JsonRead.Arr(schema, "x-kubernetes-validations");
        if (rules.Count == 0)
        {
            return;
        }

        var rulesPath = path.Child("x-kubernetes-validations");
        var schemaErrorsBefore = SchemaErrors.Count;
        var node = SchemaParser.Parse(schema);
        for (var i = 0; i < node.XValidations.Count; i++)
        {
            var rule = node.XValidations[i];
            var rulePath = rulesPath.Index(i);
            var trimmedMessage = rule.Message.Trim();
            if (rule.Rule.Trim().Length == 0)
            {
                SchemaErrors.Add(FieldErrors.Required(rulePath.Child("rule"), "rule is not specified"));
            }
            else if (rule.Message.Length > 0 && trimmedMessage.Length == 0)
            {
                SchemaErrors.Add(FieldErrors.Invalid(rulePath.Child("message"), rule.Message, "message must be non-empty if specified"));
            }
            else if (HasNewlines(trimmedMessage))
            {
                SchemaErrors.Add(FieldErrors.Invalid(rulePath.Child("message"), rule.Message, "message must not contain line breaks"));
            }
            else if (HasNewlines(rule.Rule.Trim()) && trimmedMessage.Length == 0)
            {
                SchemaErrors.Add(FieldErrors.Required(rulePath.Child("message"), "message must be specified if rule contains line breaks"));
            }

            if (rule.MessageExpression.Length > 0 && rule.MessageExpression.Trim().Length == 0)
            {
                SchemaErrors.Add(FieldErrors.Required(rulePath.Child("messageExpression"), "messageExpression must be non-empty if specified"));
            }

            if (rule.Reason is { } reason && !SupportedReasons.Contains(reason))
            {
                SchemaErrors.Add(FieldErrors.NotSupported(rulePath.Child("reason"), JsonValue.Create(reason), SupportedReasons));
            }

            if (rule.FieldPath.Length > 0 && rule.FieldPath.Trim().Length == 0)
            {
                SchemaErrors.Add(FieldErrors.Invalid(rulePath.Child("fieldPath"), rule.FieldPath, "fieldPath must be non-empty if specified"));
            }

            if (HasNewlines(rule.FieldPath))
            {
                SchemaErrors.Add(FieldErrors.Invalid(rulePath.Child("fieldPath"), rule.FieldPath, "fieldPath must not contain line breaks"));
            }

            if (rule.FieldPath.Trim().Length > 0 && !RuleFieldPath.TryResolve(rule.FieldPath, node, allowArrayNotation: true, out _, out _, out _))
            {
                SchemaErrors.Add(FieldErrors.Invalid(rulePath.Child("fieldPath"), rule.FieldPath, "fieldPath must be a valid path"));
            }
        }

        if (!sound || SchemaErrors.Count != schemaErrorsBefore)
        {
            return;
        }

        var isResourceRoot = isRoot || node.XEmbeddedResource;
        var shape = CelShape.For(node, isResourceRoot);
        if (shape is null)
        {
            CelErrors.Add(FieldErrors.Internal(rulesPath, "internal error: failed to retrieve type information for x-kubernetes-validations"));
            return;
        }

        for (var i = 0; i < node.XValidations.Count; i++)
        {
            var spec = node.XValidations[i];
            if (spec.Rule.Trim().Length == 0)
            {
                continue;
            }

            var compiled = CelRuleCompiler.Compile(spec, shape, node);
            var rulePath = rulesPath.Index(i);
            if (compiled.Error is not null)
            {
                CelErrors.Add(FieldErrors.InvalidRendered(rulePath.Child("rule"), spec.GoSyntax(), JsonValues.ToJson(rules[i]), compiled.Error));
            }

            if (compiled.MessageExpressionError is not null)
            {
                CelErrors.Add(FieldErrors.InvalidRendered(rulePath.Child("messageExpression"), spec.GoSyntax(), JsonValues.ToJson(rules[i]), compiled.MessageExpressionError));
            }

            if (compiled.Error is not null)
            {
                continue;
            }

            if (compiled.UsesOldSelf)
            {
                if (context.UncorrelatablePath is { } uncorrelatable)
                {
                    CelErrors.Add(FieldErrors.Invalid(rulePath.Child("rule"), spec.Rule, "oldSelf cannot be used on the uncorrelatable portion of the schema within " + uncorrelatable));
                }
            }
            else if (spec.OptionalOldSelf is { } optional)
            {
                CelErrors.Add(FieldErrors.Invalid(rulePath.Child("optionalOldSelf"), JsonValue.Create(optional), "may not be set if oldSelf is not used in rule"));
            }
        }
    }

    private static bool HasNewlines(string text) => text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal);

    /// <summary>%#v of a Go []string: <c>[]string{"a", "b"}</c>.</summary>
    internal static string GoStrings(IEnumerable<string> values) => "[]string{" + string.Join(", ", values.Select(GoFormatting.Quote)) + "}";
}
