using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Validation;

namespace Keel.ApiServer.Schema;

/// <summary>
/// Admission of custom resources against one <see cref="StructuralSchema"/>, in the apiextensions server's order:
/// prune unknown fields, drop non-nullable nulls, apply defaults, then validate the schema, embedded resources and
/// list-type invariants, then run the CEL rules (skipped, with the server's notice, when blocking errors exist).
/// Stateless apart from the schema; one instance can serve concurrent requests.
/// </summary>
public sealed class CustomResourceAdmission
{
    private const string BlockedRulesMessage =
        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private readonly StructuralSchema _schema;

    public CustomResourceAdmission(StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
    }

    /// <summary>
    /// Prunes and defaults <paramref name="obj"/> in place, then validates it. <paramref name="oldObj"/> is the stored
    /// object for updates (of the resource or its status subresource) and null for creates; it enables transition rules
    /// and validation ratcheting and is never modified.
    /// </summary>
    public AdmissionResult Admit(JsonObject obj, JsonObject? oldObj, FieldValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var root = _schema.Root;

        var unknown = Pruner.PruneResource(obj, root);
        Defaulter.Apply(obj, root);

        if (mode == FieldValidationMode.Strict && unknown.Count > 0)
        {
            var errors = unknown
                .Select(path => new FieldError(path, FieldErrors.ReasonInvalid, $"unknown field \"{path}\""))
                .ToList();
            return new AdmissionResult(errors, [])
            {
                UnknownFields = unknown,
                StrictDecodingError = "strict decoding error: " + string.Join(", ", unknown.Select(path => $"unknown field \"{path}\"")),
            };
        }

        var result = new List<FieldError>();
        var warnings = new List<string>();
        if (oldObj is null)
        {
            SchemaValueValidator.Validate(obj, root, "", result);
        }
        else
        {
            SchemaValueValidator.ValidateUpdate(obj, oldObj, root, "", result);
        }

        ObjectMetaValidator.ValidateEmbedded(obj, root, result);

        // Duplicates already stored are tolerated on update, as the server ratchets list-type validation.
        if (oldObj is null || !HasListTypeErrors(oldObj))
        {
            ListTypeValidator.Validate(obj, root, result);
        }

        if (_schema.Rules is { } rules)
        {
            if (result.Any(IsBlocking))
            {
                result.Add(FieldErrors.Invalid(FieldPath.NilPath, (JsonNode?)null, BlockedRulesMessage));
            }
            else
            {
                CelRuleEvaluator.Evaluate(rules, obj, oldObj, result, warnings);
            }
        }

        if (mode == FieldValidationMode.Warn)
        {
            warnings.InsertRange(0, unknown.Select(path => $"unknown field \"{path}\""));
        }

        return new AdmissionResult(result, warnings) { UnknownFields = unknown };
    }

    /// <summary>
    /// Drops non-nullable nulls and applies defaults without validating: what the server does to objects read back
    /// from storage, so defaults added to a schema later show up on old objects.
    /// </summary>
    public void ApplyDefaults(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Defaulter.Apply(obj, _schema.Root);
    }

    private bool HasListTypeErrors(JsonObject oldObj)
    {
        var errors = new List<FieldError>();
        ListTypeValidator.Validate(oldObj, _schema.Root, errors);
        return errors.Count > 0;
    }

    /// <summary>Type, required, enum, length and count violations stop CEL rules from running (they could not evaluate sensibly).</summary>
    private static bool IsBlocking(FieldError error) => error.Reason is FieldErrors.ReasonNotSupported or FieldErrors.ReasonRequired
        or FieldErrors.ReasonTooLong or FieldErrors.ReasonTooMany or FieldErrors.ReasonTypeInvalid;
}
