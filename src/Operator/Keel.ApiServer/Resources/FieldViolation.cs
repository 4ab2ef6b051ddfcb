namespace Keel.ApiServer.Resources;

/// <summary>
/// One validation failure in the shape of the real server's field errors: the cause type
/// (<c>FieldValueInvalid</c>, <c>FieldValueRequired</c>…), the field path and the error body
/// (<c>Invalid value: "x": must be …</c>).
/// </summary>
public sealed record FieldViolation(string Field, string CauseType, string Body)
{
    public override string ToString() => Field.Length == 0 ? Body : $"{Field}: {Body}";

    public static FieldViolation Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldViolation Invalid(string field, string valueJson, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {valueJson}: {detail}");

    public static FieldViolation Forbidden(string field, string detail) =>
        new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public static FieldViolation TooLong(string field, int max) =>
        new(field, "FieldValueTooLong", $"Too long: may not be more than {max} bytes");

    public static FieldViolation NotSupported(string field, string valueJson, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported",
            $"Unsupported value: {valueJson}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");
}
