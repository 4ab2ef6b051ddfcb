using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Schema;

namespace Keel.ApiServer.Crds;

/// <summary>
/// Admission of CustomResourceDefinition objects themselves, by the Schema module: the v1 defaults
/// (singular, listKind, conversion strategy), then the apiextensions server's validation (names, one
/// storage version, structural schemas, CEL rules that compile, printer columns…) and, on updates,
/// its immutability rules.
/// </summary>
public static class CrdAdmission
{
    public static IReadOnlyList<FieldViolation> Validate(JsonObject crd, JsonObject? old)
    {
        CustomResourceDefinitionDefaults.Apply(crd);
        var errors = old is null ? CustomResourceDefinitionValidation.Validate(crd) : CustomResourceDefinitionValidation.ValidateUpdate(crd, old);
        return errors.Select(e => new FieldViolation(e.Field, e.Reason, e.Message)).ToList();
    }
}
