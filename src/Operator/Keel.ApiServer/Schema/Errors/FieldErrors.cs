using System.Globalization;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Errors;

/// <summary>
/// Builds <see cref="FieldError"/>s exactly as apimachinery's <c>field.Required</c>, <c>field.Invalid</c>, … do,
/// including <c>ErrorBody</c>'s rendering of the bad value.
/// </summary>
internal static class FieldErrors
{
    public const string ReasonNotFound = "FieldValueNotFound";
    public const string ReasonRequired = "FieldValueRequired";
    public const string ReasonDuplicate = "FieldValueDuplicate";
    public const string ReasonInvalid = "FieldValueInvalid";
    public const string ReasonNotSupported = "FieldValueNotSupported";
    public const string ReasonForbidden = "FieldValueForbidden";
    public const string ReasonTooLong = "FieldValueTooLong";
    public const string ReasonTooMany = "FieldValueTooMany";
    public const string ReasonInternal = "InternalError";
    public const string ReasonTypeInvalid = "FieldValueTypeInvalid";

    public static FieldError Required(string path, string detail = "") =>
        new(path, ReasonRequired, WithDetail("Required value", detail));

    public static FieldError Forbidden(string path, string detail) =>
        new(path, ReasonForbidden, WithDetail("Forbidden", detail));

    public static FieldError Internal(string path, string detail) =>
        new(path, ReasonInternal, WithDetail("Internal error", detail));

    public static FieldError Invalid(string path, JsonNode? value, string detail) =>
        new(path, ReasonInvalid, WithDetail("Invalid value: " + GoFormatting.ErrorValue(value), detail), JsonValues.ToJson(value));

    public static FieldError Invalid(string path, string value, string detail) =>
        Invalid(path, JsonValue.Create(value), detail);

    /// <summary>An invalid value that is not JSON data (a Go struct such as a ValidationRule), pre-rendered.</summary>
    public static FieldError InvalidRendered(string path, string renderedValue, string? valueJson, string detail) =>
        new(path, ReasonInvalid, WithDetail("Invalid value: " + renderedValue, detail), valueJson);

    public static FieldError TypeInvalid(string path, JsonNode? value, string detail) =>
        new(path, ReasonTypeInvalid, WithDetail("Invalid value: " + GoFormatting.ErrorValue(value), detail), JsonValues.ToJson(value));

    public static FieldError NotSupported(string path, JsonNode? value, IEnumerable<string> validValues)
    {
        var quoted = validValues.Select(GoFormatting.Quote).ToList();
        var detail = quoted.Count > 0 ? "supported values: " + string.Join(", ", quoted) : "";
        return new(path, ReasonNotSupported, WithDetail("Unsupported value: " + GoFormatting.ErrorValue(value), detail), JsonValues.ToJson(value));
    }

    public static FieldError Duplicate(string path, JsonNode? value) =>
        new(path, ReasonDuplicate, "Duplicate value: " + GoFormatting.ErrorValue(value), JsonValues.ToJson(value));

    /// <summary><c>field.TooLong</c> as of Kubernetes 1.32+: <c>Too long: may not be more than 256 bytes</c>.</summary>
    public static FieldError TooLong(string path, JsonNode? value, long maxLength)
    {
        var detail = maxLength >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}")
            : "value is too long";
        return new(path, ReasonTooLong, WithDetail("Too long", detail), JsonValues.ToJson(value));
    }

    /// <summary><c>field.TooMany</c>: <c>Too many: 33: must have at most 32 items</c>.</summary>
    public static FieldError TooMany(string path, long actual, long max)
    {
        var detail = max >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"must have at most {max} {(max == 1 ? "item" : "items")}")
            : "has too many items";
        var head = actual >= 0 ? "Too many: " + actual.ToString(CultureInfo.InvariantCulture) : "Too many";
        return new(path, ReasonTooMany, WithDetail(head, detail), actual >= 0 ? actual.ToString(CultureInfo.InvariantCulture) : null);
    }

    public static FieldError Required(FieldPath path, string detail = "") => Required(path.ToString(), detail);
    public static FieldError Forbidden(FieldPath path, string detail) => Forbidden(path.ToString(), detail);
    public static FieldError Internal(FieldPath path, string detail) => Internal(path.ToString(), detail);
    public static FieldError Invalid(FieldPath path, JsonNode? value, string detail) => Invalid(path.ToString(), value, detail);
    public static FieldError Invalid(FieldPath path, string value, string detail) => Invalid(path.ToString(), value, detail);
    public static FieldError InvalidRendered(FieldPath path, string renderedValue, string? valueJson, string detail) => InvalidRendered(path.ToString(), renderedValue, valueJson, detail);
    public static FieldError TypeInvalid(FieldPath path, JsonNode? value, string detail) => TypeInvalid(path.ToString(), value, detail);
    public static FieldError NotSupported(FieldPath path, JsonNode? value, IEnumerable<string> validValues) => NotSupported(path.ToString(), value, validValues);
    public static FieldError Duplicate(FieldPath path, JsonNode? value) => Duplicate(path.ToString(), value);
    public static FieldError TooLong(FieldPath path, JsonNode? value, long maxLength) => TooLong(path.ToString(), value, maxLength);
    public static FieldError TooMany(FieldPath path, long actual, long max) => TooMany(path.ToString(), actual, max);

    private static string WithDetail(string head, string detail) => detail.Length == 0 ? head : head + ": " + detail;
}
