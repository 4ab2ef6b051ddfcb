using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Admission;

/// <summary>How unknown or duplicate fields are reported (the <c>fieldValidation</c> query parameter).</summary>
public enum FieldValidationDirective
{
    Ignore,
    Warn,
    Strict,
}

/// <summary>The result of admitting one object: errors reject the write (422), warnings go to Warning headers.</summary>
public sealed record AdmissionOutcome(IReadOnlyList<FieldViolation> Errors, IReadOnlyList<string> Warnings)
{
    public static readonly AdmissionOutcome Accepted = new([], []);
}

/// <summary>
/// The admission step of a write: validates an object against its kind's schema and mutates it in place
/// (defaults, pruning of unknown fields). Custom resources are admitted by the Schema module from their
/// CRD's structural schema; <paramref name="oldObject"/> feeds transition rules (<c>oldSelf</c>).
/// </summary>
public interface IObjectAdmission
{
    AdmissionOutcome Admit(JsonObject obj, JsonObject? oldObject, FieldValidationDirective directive);
}

/// <summary>Admission for kinds without a structural schema: nothing beyond the kind's own validation.</summary>
public sealed class NoSchemaAdmission : IObjectAdmission
{
    public static readonly NoSchemaAdmission Instance = new();

    public AdmissionOutcome Admit(JsonObject obj, JsonObject? oldObject, FieldValidationDirective directive) => AdmissionOutcome.Accepted;
}
