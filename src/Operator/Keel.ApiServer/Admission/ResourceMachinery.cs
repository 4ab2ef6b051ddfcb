using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Admission;

/// <summary>
/// Builds the per-resource machinery (admission, field management) for built-in kinds and for each
/// served version of a CRD. The one place where the Schema and Apply modules are wired in.
/// </summary>
public static class ResourceMachinery
{
    public static ServedResource ForBuiltIn(ResourceDefinition definition) =>
        new(definition, NoSchemaAdmission.Instance, PendingFieldManagement.Instance, isCustomResource: false);

    /// <summary>A CRD version: <paramref name="openApiV3Schema"/> is the version's <c>schema.openAPIV3Schema</c>.</summary>
    public static ServedResource ForCustomResource(ResourceDefinition definition, JsonObject? openApiV3Schema) =>
        new(definition, NoSchemaAdmission.Instance, PendingFieldManagement.Instance, isCustomResource: true);

    /// <summary>Validation of a CustomResourceDefinition object itself.</summary>
    public static IReadOnlyList<FieldViolation> ValidateCrd(JsonObject crd) => [];
}
