using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Definition;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Schema.Validation;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema;

/// <summary>
/// The checks the apiextensions server runs when an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition is
/// created or updated, with its field paths and messages: metadata.name is plural.group, group, scope and names,
/// exactly one storage version, schemas present and structural, <c>x-kubernetes-*</c> extensions consistent, defaults
/// valid and pruned, CEL rules compiling (and only using what this server can evaluate), subresources, printer columns,
/// selectable fields and conversion. Expects the v1 defaults applied (<see cref="CustomResourceDefinitionDefaults"/>).
/// </summary>
/// <remarks>
/// Like the server, which validates its internal form, a schema (or subresources, or printer columns) identical in every
/// version is reported once under <c>spec.validation.openAPIV3Schema</c> (<c>spec.subresources</c>,
/// <c>spec.additionalPrinterColumns</c>); otherwise under <c>spec.versions[i].schema.openAPIV3Schema</c>.
/// </remarks>
public static class CustomResourceDefinitionValidation
{
    private static readonly string[] AllowedAtRootWithStatus =
    [
        "description", "type", "format", "title", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf", "required", "items", "properties",
        "externalDocs", "example", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-validations",
    ];

    private const string AllowedAtRootWithStatusMessage =
        "only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled";

    /// <summary>Validates a CRD about to be created. An empty list means the CRD may be stored and served.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var errors = new List<FieldError>();
        var spec = JsonRead.Obj(crd, "spec");
        ValidateMetadata(JsonRead.Obj(crd, "metadata"), spec, errors);
        ValidateSpec(spec, FieldPath.Of("spec"), errors);
        ValidateStatus(JsonRead.Obj(crd, "status"), spec, errors);
        if (JsonRead.Bool(spec, "preserveUnknownFields"))
        {
            errors.Add(FieldErrors.Invalid(FieldPath.Of("spec", "preserveUnknownFields"), JsonValue.Create(true), "cannot set to true, set x-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        }

        return errors;
    }

    /// <summary>Validates an update of <paramref name="oldCrd"/> to <paramref name="crd"/>: everything <see cref="Validate"/> checks plus the immutable fields.</summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(JsonObject crd, JsonObject oldCrd)
    {
        ArgumentNullException.ThrowIfNull(oldCrd);
        var errors = Validate(crd).ToList();
        var spec = JsonRead.Obj(crd, "spec");
        var oldSpec = JsonRead.Obj(oldCrd, "spec");
        var established = JsonRead.Arr(JsonRead.Obj(oldCrd, "status"), "conditions")
            .Any(c => JsonRead.Str(c, "type") == "Established" && JsonRead.Str(c, "status") == "True");
        if (established)
        {
            Immutable(JsonRead.Str(spec, "scope"), JsonRead.Str(oldSpec, "scope"), FieldPath.Of("spec", "scope"), errors);
            Immutable(JsonRead.Str(JsonRead.Obj(spec, "names"), "kind"), JsonRead.Str(JsonRead.Obj(oldSpec, "names"), "kind"), FieldPath.Of("spec", "names", "kind"), errors);
        }

        Immutable(JsonRead.Str(spec, "group"), JsonRead.Str(oldSpec, "group"), FieldPath.Of("spec", "group"), errors);
        Immutable(JsonRead.Str(JsonRead.Obj(spec, "names"), "plural"), JsonRead.Str(JsonRead.Obj(oldSpec, "names"), "plural"), FieldPath.Of("spec", "names", "plural"), errors);
        return errors;
    }

    private static void Immutable(string value, string old, FieldPath path, List<FieldError> errors)
    {
        if (value != old)
        {
            errors.Add(FieldErrors.Invalid(path, value, "field is immutable"));
        }
    }

    private static void ValidateMetadata(JsonObject? metadata, JsonObject? spec, List<FieldError> errors)
    {
        var path = FieldPath.Of("metadata");
        var name = JsonRead.Str(metadata, "name");
        if (name.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("name"), "name or generateName is required"));
        }
        else
        {
            var messages = KubeNames.NameIsDnsSubdomain(name, prefix: false);
            var expected = JsonRead.Str(JsonRead.Obj(spec, "names"), "plural") + "." + JsonRead.Str(spec, "group");
            if (name != expected)
            {
                messages.Add("must be spec.names.plural+\".\"+spec.group");
            }

            foreach (var message in messages)
            {
                errors.Add(FieldErrors.Invalid(path.Child("name"), name, message));
            }
        }

        if (JsonRead.Str(metadata, "namespace").Length > 0)
        {
            errors.Add(FieldErrors.Forbidden(path.Child("namespace"), "not allowed on this type"));
        }
    }

    private static void ValidateSpec(JsonObject? spec, FieldPath path, List<FieldError> errors)
    {
        var group = JsonRead.Str(spec, "group");
        if (group.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("group")));
        }
        else if (KubeNames.IsDns1123Subdomain(group) is { Count: > 0 } groupErrors)
        {
            errors.Add(FieldErrors.Invalid(path.Child("group"), group, string.Join(",", groupErrors)));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldErrors.Invalid(path.Child("group"), group, "should be a domain with at least one dot"));
        }

        var scope = JsonRead.Str(spec, "scope");
        if (scope.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("scope")));
        }
        else if (scope is not ("Cluster" or "Namespaced"))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("scope"), JsonValue.Create(scope), ["Cluster", "Namespaced"]));
        }

        var versions = JsonRead.Arr(spec, "versions").Select(v => v as JsonObject ?? []).ToList();
        var versionsPath = path.Child("versions");
        var sharedSchema = Shared(versions, v => JsonRead.Obj(v, "schema"));
        var sharedSubresources = Shared(versions, v => JsonRead.Obj(v, "subresources"));
        var sharedColumns = Shared(versions, v => JsonRead.Arr(v, "additionalPrinterColumns") is { Count: > 0 } columns ? columns : null);
        var anyStatus = versions.Any(v => JsonRead.Obj(JsonRead.Obj(v, "subresources"), "status") is not null);

        for (var i = 0; i < versions.Count; i++)
        {
            if (JsonRead.Obj(JsonRead.Obj(versions[i], "schema"), "openAPIV3Schema") is null)
            {
                errors.Add(FieldErrors.Required(versionsPath.Index(i).Child("schema").Child("openAPIV3Schema"), "schemas are required"));
            }
        }

        if (JsonRead.Bool(spec, "preserveUnknownFields") && versions.Any(v => JsonRead.Obj(JsonRead.Obj(v, "schema"), "openAPIV3Schema") is { } s && HasDefaults(s)))
        {
            errors.Add(FieldErrors.Invalid(path.Child("preserveUnknownFields"), JsonValue.Create(true), "must be false in order to use defaults in the schema"));
        }

        var storage = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var unique = true;
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var versionPath = versionsPath.Index(i);
            var name = JsonRead.Str(version, "name");
            storage += JsonRead.Bool(version, "storage") ? 1 : 0;
            unique &= names.Add(name);
            if (KubeNames.IsDns1035Label(name) is { Count: > 0 } nameErrors)
            {
                errors.Add(FieldErrors.Invalid(versionPath.Child("name"), name, string.Join(",", nameErrors)));
            }

            CrdPartChecks.DeprecationWarning(version, versionPath, errors);
            if (sharedSchema is null)
            {
                var statusEnabled = JsonRead.Obj(sharedSubresources ?? JsonRead.Obj(version, "subresources"), "status") is not null;
                ValidateSchema(JsonRead.Obj(JsonRead.Obj(version, "schema"), "openAPIV3Schema"), statusEnabled, versionPath.Child("schema"), errors);
            }

            if (sharedSubresources is null)
            {
                CrdPartChecks.Subresources(JsonRead.Obj(version, "subresources"), versionPath.Child("subresources"), errors);
            }

            if (sharedColumns is null)
            {
                var columns = JsonRead.Arr(version, "additionalPrinterColumns");
                for (var c = 0; c < columns.Count; c++)
                {
                    CrdPartChecks.PrinterColumn(columns[c] as JsonObject, versionPath.Child("additionalPrinterColumns").Index(c), errors);
                }
            }

            var selectable = JsonRead.Arr(version, "selectableFields");
            if (selectable.Count > 0)
            {
                var openApiSchema = JsonRead.Obj(JsonRead.Obj(version, "schema"), "openAPIV3Schema");
                CrdPartChecks.SelectableFields(selectable, openApiSchema is null ? null : SchemaParser.Parse(openApiSchema), versionPath.Child("selectableFields"), errors);
            }
        }

        var versionsValue = JsonRead.Arr(spec, "versions");
        if (!unique)
        {
            errors.Add(FieldErrors.Invalid(versionsPath, versionsValue, "must contain unique version names"));
        }

        if (storage != 1)
        {
            errors.Add(FieldErrors.Invalid(versionsPath, versionsValue, "must have exactly one version marked as storage version"));
        }

        var namesObject = JsonRead.Obj(spec, "names");
        foreach (var required in new[] { "plural", "singular", "kind", "listKind" })
        {
            if (JsonRead.Str(namesObject, required).Length == 0)
            {
                errors.Add(FieldErrors.Required(path.Child("names").Child(required)));
            }
        }

        CrdPartChecks.Names(namesObject, path.Child("names"), errors);
        if (sharedSchema is not null)
        {
            ValidateSchema(JsonRead.Obj(sharedSchema, "openAPIV3Schema"), anyStatus, path.Child("validation"), errors);
        }

        if (sharedSubresources is not null)
        {
            CrdPartChecks.Subresources(sharedSubresources, path.Child("subresources"), errors);
        }

        if (sharedColumns is JsonArray shared)
        {
            for (var c = 0; c < shared.Count; c++)
            {
                CrdPartChecks.PrinterColumn(shared[c] as JsonObject, path.Child("additionalPrinterColumns").Index(c), errors);
            }
        }

        CrdPartChecks.Conversion(JsonRead.Obj(spec, "conversion"), JsonRead.Bool(spec, "preserveUnknownFields"), path.Child("conversion"), errors);
    }

    /// <summary>The value every version shares (the server's internal form moves it to the top level), or null.</summary>
    private static JsonNode? Shared(List<JsonObject> versions, Func<JsonObject, JsonNode?> select)
    {
        if (versions.Count == 0)
        {
            return null;
        }

        var first = select(versions[0]);
        if (first is null)
        {
            return null;
        }

        return versions.All(v => select(v) is { } value && JsonEquality.DeepEquals(value, first, NumberEquality.GoTyped)) ? first : null;
    }

    private static JsonObject? Shared(List<JsonObject> versions, Func<JsonObject, JsonObject?> select) =>
        Shared(versions, v => (JsonNode?)select(v)) as JsonObject;

    private static void ValidateSchema(JsonObject? schema, bool statusEnabled, FieldPath path, List<FieldError> errors)
    {
        if (schema is null)
        {
            return;
        }

        var schemaPath = path.Child("openAPIV3Schema");
        if (statusEnabled)
        {
            foreach (var (key, _) in schema)
            {
                if (key == "type")
                {
                    if (JsonRead.Str(schema, "type") != "object")
                    {
                        errors.Add(FieldErrors.Invalid(path.Child("openAPIV3Schema.type"), JsonRead.Str(schema, "type"), "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
                        break;
                    }

                    continue;
                }

                if (!AllowedAtRootWithStatus.Contains(key))
                {
                    errors.Add(FieldErrors.Invalid(schemaPath, schema, AllowedAtRootWithStatusMessage));
                    break;
                }
            }
        }

        if (JsonRead.Bool(schema, "nullable"))
        {
            errors.Add(FieldErrors.Forbidden(path.Child("openAPIV3Schema.nullable"), "nullable cannot be true at the root"));
        }

        var checks = new OpenApiSchemaChecks();
        checks.Check(schema, schemaPath, SchemaCheckContext.Root, isRoot: true);
        errors.AddRange(checks.SchemaErrors);
        errors.AddRange(checks.CelErrors);

        var structural = StructuralInvariants.Validate(schema, schemaPath);
        if (structural.Count > 0)
        {
            errors.AddRange(structural);
        }
        else
        {
            DefaultValueChecks.Validate(schema, schemaPath, errors);
        }
    }

    private static void ValidateStatus(JsonObject? status, JsonObject? spec, List<FieldError> errors)
    {
        if (status is null)
        {
            return;
        }

        if (JsonRead.Obj(status, "acceptedNames") is { } accepted)
        {
            CrdPartChecks.Names(accepted, FieldPath.Of("status", "acceptedNames"), errors);
        }

        var stored = JsonRead.Strings(status, "storedVersions");
        var versions = JsonRead.Arr(spec, "versions").Select(v => JsonRead.Str(v, "name")).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < stored.Count; i++)
        {
            if (!versions.Contains(stored[i]))
            {
                errors.Add(FieldErrors.Invalid(FieldPath.Of("status", "storedVersions").Index(i), stored[i], "must appear in spec.versions"));
            }
        }
    }

    private static bool HasDefaults(JsonObject schema) =>
        schema.ContainsKey("default") || schema.Select(p => p.Value).Any(child => child switch
        {
            JsonObject obj => HasDefaults(obj),
            JsonArray array => array.OfType<JsonObject>().Any(HasDefaults),
            _ => false,
        });
}
