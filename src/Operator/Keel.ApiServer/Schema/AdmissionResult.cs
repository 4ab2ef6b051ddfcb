namespace Keel.ApiServer.Schema;

/// <summary>
/// What admission of one custom resource found. <see cref="Errors"/> empty means the object (already pruned and
/// defaulted in place) may be stored.
/// </summary>
/// <param name="Errors">Field errors for a <c>422 Invalid</c> Status, in a deterministic order.</param>
/// <param name="Warnings">Texts for <c>Warning: 299 - "..."</c> headers, e.g. <c>unknown field "spec.foo"</c>.</param>
public sealed record AdmissionResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>Paths of the unknown fields that were pruned (or rejected), in document order, e.g. <c>spec.foo</c>.</summary>
    public IReadOnlyList<string> UnknownFields { get; init; } = [];

    /// <summary>
    /// Set when <see cref="FieldValidationMode.Strict"/> met unknown fields. The real server answers
    /// <c>400 BadRequest</c> with exactly this message before any validation runs, e.g.
    /// <c>strict decoding error: unknown field "spec.foo", unknown field "spec.bar"</c>. <see cref="Errors"/> then holds one
    /// entry per unknown field and nothing else.
    /// </summary>
    public string? StrictDecodingError { get; init; }

    /// <summary>True when there is nothing to reject.</summary>
    public bool IsValid => Errors.Count == 0 && StrictDecodingError is null;
}
