using System.Globalization;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Schema.Validation;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>Checks of the CRD's parts other than the schema: names, subresources, printer columns, selectable fields, conversion.</summary>
internal static class CrdPartChecks
{
    private static readonly string[] PrinterColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] PrinterColumnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];
    private const int MaxSelectableFields = 8;

    public static void Names(JsonObject? names, FieldPath path, List<FieldError> errors)
    {
        var plural = JsonRead.Str(names, "plural");
        var singular = JsonRead.Str(names, "singular");
        var kind = JsonRead.Str(names, "kind");
        var listKind = JsonRead.Str(names, "listKind");
        if (plural.Length > 0 && KubeNames.IsDns1035Label(plural) is { Count: > 0 } pluralErrors)
        {
            errors.Add(FieldErrors.Invalid(path.Child("plural"), plural, string.Join(",", pluralErrors)));
        }

        if (singular.Length > 0 && KubeNames.IsDns1035Label(singular) is { Count: > 0 } singularErrors)
        {
            errors.Add(FieldErrors.Invalid(path.Child("singular"), singular, string.Join(",", singularErrors)));
        }

        if (kind.Length > 0 && KubeNames.IsDns1035Label(kind.ToLowerInvariant()) is { Count: > 0 } kindErrors)
        {
            errors.Add(FieldErrors.Invalid(path.Child("kind"), kind, "may have mixed case, but should otherwise match: " + string.Join(",", kindErrors)));
        }

        if (listKind.Length > 0 && KubeNames.IsDns1035Label(listKind.ToLowerInvariant()) is { Count: > 0 } listKindErrors)
        {
            errors.Add(FieldErrors.Invalid(path.Child("listKind"), listKind, "may have mixed case, but should otherwise match: " + string.Join(",", listKindErrors)));
        }

        var shortNames = JsonRead.Strings(names, "shortNames");
        for (var i = 0; i < shortNames.Count; i++)
        {
            if (KubeNames.IsDns1035Label(shortNames[i]) is { Count: > 0 } shortErrors)
            {
                errors.Add(FieldErrors.Invalid(path.Child("shortNames").Index(i), shortNames[i], string.Join(",", shortErrors)));
            }
        }

        if (kind.Length > 0 && kind == listKind)
        {
            errors.Add(FieldErrors.Invalid(path.Child("listKind"), listKind, "kind and listKind may not be the same"));
        }

        var categories = JsonRead.Strings(names, "categories");
        for (var i = 0; i < categories.Count; i++)
        {
            if (KubeNames.IsDns1035Label(categories[i]) is { Count: > 0 } categoryErrors)
            {
                errors.Add(FieldErrors.Invalid(path.Child("categories").Index(i), categories[i], string.Join(",", categoryErrors)));
            }
        }
    }

    public static void Subresources(JsonObject? subresources, FieldPath path, List<FieldError> errors)
    {
        if (JsonRead.Obj(subresources, "scale") is not { } scale)
        {
            return;
        }

        ScalePath(scale, "specReplicasPath", ".spec.", "should be a json path under .spec", path, errors);
        ScalePath(scale, "statusReplicasPath", ".status.", "should be a json path under .status", path, errors);
        var selector = JsonRead.Str(scale, "labelSelectorPath");
        if (selector.Length > 0 && SimpleJsonPath(selector, path.Child("scale.labelSelectorPath"), errors)
            && !selector.StartsWith(".spec.", StringComparison.Ordinal) && !selector.StartsWith(".status.", StringComparison.Ordinal))
        {
            errors.Add(FieldErrors.Invalid(path.Child("scale.labelSelectorPath"), selector, "should be a json path under either .spec or .status"));
        }
    }

    private static void ScalePath(JsonObject scale, string key, string prefix, string message, FieldPath path, List<FieldError> errors)
    {
        var value = JsonRead.Str(scale, key);
        var fieldPath = path.Child("scale." + key);
        if (value.Length == 0)
        {
            errors.Add(FieldErrors.Required(fieldPath));
            return;
        }

        if (SimpleJsonPath(value, fieldPath, errors) && !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            errors.Add(FieldErrors.Invalid(fieldPath, value, message));
        }
    }

    private static bool SimpleJsonPath(string value, FieldPath path, List<FieldError> errors)
    {
        if (value.Length == 0)
        {
            errors.Add(FieldErrors.Invalid(path, value, "must not be empty"));
            return false;
        }

        if (value[0] != '.')
        {
            errors.Add(FieldErrors.Invalid(path, value, "must be a simple json path starting with ."));
            return false;
        }

        return true;
    }

    public static void PrinterColumn(JsonObject? column, FieldPath path, List<FieldError> errors)
    {
        if (JsonRead.Str(column, "name").Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("name")));
        }

        var type = JsonRead.Str(column, "type");
        var typeMessage = "must be one of " + string.Join(",", PrinterColumnTypes);
        if (type.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("type"), typeMessage));
        }
        else if (!PrinterColumnTypes.Contains(type))
        {
            errors.Add(FieldErrors.Invalid(path.Child("type"), type, typeMessage));
        }

        var format = JsonRead.Str(column, "format");
        if (format.Length > 0 && !PrinterColumnFormats.Contains(format))
        {
            errors.Add(FieldErrors.Invalid(path.Child("format"), format, "must be one of " + string.Join(",", PrinterColumnFormats)));
        }

        var jsonPath = JsonRead.Str(column, "jsonPath");
        if (jsonPath.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("JSONPath")));
        }
        else
        {
            SimpleJsonPath(jsonPath, path.Child("JSONPath"), errors);
        }

        if (column?["priority"] is JsonValue priority && GoNumber.TryGetInteger(priority, out var p) && p < 0)
        {
            errors.Add(FieldErrors.Invalid(path.Child("priority"), priority, "must be greater than or equal to 0"));
        }
    }

    public static void SelectableFields(JsonArray fields, SchemaNode? schema, FieldPath path, List<FieldError> errors)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var indexPath = path.Index(i);
            var jsonPath = JsonRead.Str(fields[i], "jsonPath");
            if (jsonPath.Length == 0)
            {
                errors.Add(FieldErrors.Required(indexPath.Child("jsonPath")));
                continue;
            }

            if (schema is null)
            {
                errors.Add(FieldErrors.Invalid(indexPath.Child("jsonPath"), jsonPath, "is an invalid path: does not refer to a valid field"));
                continue;
            }

            if (!RuleFieldPath.TryResolve(jsonPath, schema, allowArrayNotation: false, out var resolved, out var found, out var error))
            {
                errors.Add(FieldErrors.Invalid(indexPath.Child("jsonPath"), jsonPath, "is an invalid path: " + error));
                continue;
            }

            if (resolved.RootName == "metadata")
            {
                errors.Add(FieldErrors.Invalid(indexPath.Child("jsonPath"), jsonPath, "must not point to fields in metadata"));
            }

            if (found.Type is not ("string" or "integer" or "boolean"))
            {
                errors.Add(FieldErrors.Invalid(indexPath.Child("jsonPath"), jsonPath, "must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed."));
            }

            if (!unique.Add(resolved.ToString()))
            {
                errors.Add(FieldErrors.Duplicate(indexPath.Child("jsonPath"), JsonValue.Create(jsonPath)));
            }
        }

        if (unique.Count > MaxSelectableFields)
        {
            errors.Add(FieldErrors.TooMany(path, unique.Count, MaxSelectableFields));
        }
    }

    public static void Conversion(JsonObject? conversion, bool preserveUnknownFields, FieldPath path, List<FieldError> errors)
    {
        if (conversion is null)
        {
            return;
        }

        var strategy = JsonRead.Str(conversion, "strategy");
        if (strategy.Length > 0 && strategy != "None" && preserveUnknownFields)
        {
            errors.Add(FieldErrors.Invalid(path.Child("strategy"), strategy, "must be None if spec.preserveUnknownFields is true"));
        }

        if (strategy.Length == 0)
        {
            errors.Add(FieldErrors.Required(path.Child("strategy")));
        }
        else if (strategy is not ("None" or "Webhook"))
        {
            errors.Add(FieldErrors.NotSupported(path.Child("strategy"), JsonValue.Create(strategy), ["None", "Webhook"]));
        }

        var client = JsonRead.Obj(conversion, "webhook") is { } webhook ? JsonRead.Obj(webhook, "clientConfig") : JsonRead.Obj(conversion, "webhookClientConfig");
        var reviewVersions = JsonRead.Strings(JsonRead.Obj(conversion, "webhook") ?? conversion, "conversionReviewVersions");
        var clientPath = path.Child("webhookClientConfig");
        if (strategy == "Webhook")
        {
            if (client is null)
            {
                errors.Add(FieldErrors.Required(clientPath, "required when strategy is set to Webhook"));
            }
            else
            {
                var hasUrl = client.ContainsKey("url");
                var hasService = client.ContainsKey("service");
                if (hasUrl == hasService)
                {
                    errors.Add(FieldErrors.Required(clientPath, "exactly one of url or service is required"));
                }
                else if (hasUrl)
                {
                    WebhookUrl(JsonRead.Str(client, "url"), clientPath.Child("url"), errors);
                }
                else
                {
                    var service = JsonRead.Obj(client, "service");
                    if (JsonRead.Str(service, "name").Length == 0)
                    {
                        errors.Add(FieldErrors.Required(clientPath.Child("service").Child("name"), "service name is required"));
                    }

                    if (JsonRead.Str(service, "namespace").Length == 0)
                    {
                        errors.Add(FieldErrors.Required(clientPath.Child("service").Child("namespace"), "service namespace is required"));
                    }
                }
            }

            ConversionReviewVersions(reviewVersions, path.Child("conversionReviewVersions"), errors);
        }
        else
        {
            if (client is not null)
            {
                errors.Add(FieldErrors.Forbidden(clientPath, "should not be set when strategy is not set to Webhook"));
            }

            if (reviewVersions.Count > 0)
            {
                errors.Add(FieldErrors.Forbidden(path.Child("conversionReviewVersions"), "should not be set when strategy is not set to Webhook"));
            }
        }
    }

    private static void WebhookUrl(string url, FieldPath path, List<FieldError> errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            errors.Add(FieldErrors.Invalid(path, url, "url must be a valid URL"));
            return;
        }

        if (uri.Scheme != "https")
        {
            errors.Add(FieldErrors.Invalid(path, url, "'https' is the only allowed URL scheme"));
        }

        if (uri.Host.Length == 0)
        {
            errors.Add(FieldErrors.Invalid(path, url, "host must be specified"));
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add(FieldErrors.Invalid(path, url, "user information is not permitted in the URL"));
        }

        if (uri.Fragment.Length > 0)
        {
            errors.Add(FieldErrors.Invalid(path, url, "fragments are not permitted in the URL"));
        }

        if (uri.Query.Length > 0)
        {
            errors.Add(FieldErrors.Invalid(path, url, "query parameters are not permitted in the URL"));
        }
    }

    private static void ConversionReviewVersions(List<string> versions, FieldPath path, List<FieldError> errors)
    {
        if (versions.Count == 0)
        {
            errors.Add(FieldErrors.Required(path));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = false;
        for (var i = 0; i < versions.Count; i++)
        {
            if (!seen.Add(versions[i]))
            {
                errors.Add(FieldErrors.Invalid(path.Index(i), versions[i], "duplicate version"));
                continue;
            }

            foreach (var message in KubeNames.IsDns1035Label(versions[i]))
            {
                errors.Add(FieldErrors.Invalid(path.Index(i), versions[i], message));
            }

            accepted |= versions[i] is "v1" or "v1beta1";
        }

        if (!accepted)
        {
            errors.Add(FieldErrors.InvalidRendered(path, OpenApiSchemaChecks.GoStrings(versions), null, "must include at least one of v1, v1beta1"));
        }
    }

    public static void DeprecationWarning(JsonObject version, FieldPath path, List<FieldError> errors)
    {
        if (!version.ContainsKey("deprecationWarning"))
        {
            return;
        }

        var warning = JsonRead.Str(version, "deprecationWarning");
        var fieldPath = path.Child("deprecationWarning");
        if (!JsonRead.Bool(version, "deprecated"))
        {
            errors.Add(FieldErrors.Invalid(fieldPath, warning, "can only be set for deprecated versions"));
            return;
        }

        if (warning.Length > 256)
        {
            errors.Add(FieldErrors.Invalid(fieldPath, warning, "must be <= 256 characters long"));
        }

        if (warning.Length == 0)
        {
            errors.Add(FieldErrors.Invalid(fieldPath, warning, "must not be an empty string"));
        }

        for (var i = 0; i < warning.Length; i++)
        {
            if (char.IsControl(warning[i]))
            {
                errors.Add(FieldErrors.Invalid(fieldPath, warning, string.Create(CultureInfo.InvariantCulture, $"must only contain printable UTF-8 characters; control character found at index {i}")));
                break;
            }
        }
    }
}
