namespace Keel.ApiServer.Schema;

/// <summary>
/// One field-level failure, shaped like a Kubernetes <c>StatusCause</c>.
/// </summary>
/// <param name="Field">The field path as the real API server prints it: <c>spec.ports[1].name</c>, <c>spec.labels[app]</c>, <c>&lt;nil&gt;</c> for the object itself.</param>
/// <param name="Reason">The cause reason: <c>FieldValueInvalid</c>, <c>FieldValueRequired</c>, <c>FieldValueNotSupported</c>, ….</param>
/// <param name="Message">The cause message without the field, e.g. <c>Invalid value: "string": modelName is immutable</c>.</param>
/// <param name="BadValueJson">The offending value as JSON when the error carries one; null otherwise.</param>
public sealed record FieldError(string Field, string Reason, string Message, string? BadValueJson = null)
{
    /// <summary>
    /// The error as Go's <c>field.Error.Error()</c> prints it, <c>field: message</c>, which is how a 422 Status message lists
    /// its causes: <c>Widget.example.com "w" is invalid: [spec.x: Required value, &lt;nil&gt;: Invalid value: …]</c>. Errors
    /// about the object as a whole have the field <c>&lt;nil&gt;</c>, as Go prints a nil field path.
    /// </summary>
    public override string ToString() => $"{Field}: {Message}";
}
