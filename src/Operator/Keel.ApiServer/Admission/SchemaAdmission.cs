using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Schema;

namespace Keel.ApiServer.Admission;

/// <summary>Admission of custom resources by the Schema module: pruning, defaulting, structural and CEL validation.</summary>
public sealed class SchemaAdmission : IObjectAdmission
{
    private readonly CustomResourceAdmission _admission;

    public SchemaAdmission(StructuralSchema schema) => _admission = new CustomResourceAdmission(schema);

    public AdmissionOutcome Admit(JsonObject obj, JsonObject? oldObject, FieldValidationDirective directive)
    {
        var mode = directive switch
        {
            FieldValidationDirective.Strict => FieldValidationMode.Strict,
            FieldValidationDirective.Ignore => FieldValidationMode.Ignore,
            _ => FieldValidationMode.Warn,
        };
        var result = _admission.Admit(obj, oldObject, mode);
        if (result.StrictDecodingError is { } strict)
        {
            // The real server rejects unknown fields under Strict while decoding, before any validation: 400.
            throw ApiException.BadRequest(strict);
        }

        return new AdmissionOutcome(result.Errors.Select(e => new FieldViolation(e.Field, e.Reason, e.Message)).ToList(), result.Warnings);
    }
}
