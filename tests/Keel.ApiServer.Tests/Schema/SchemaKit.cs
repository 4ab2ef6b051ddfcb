using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>Builds schemas and objects from JSON text and admits them.</summary>
internal static class SchemaKit
{
    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A root schema whose <c>spec</c> is <paramref name="specSchema"/>.</summary>
    public static StructuralSchema Spec(string specSchema) =>
        StructuralSchema.Parse(Json("""{"type":"object","properties":{"spec":""" + specSchema + "}}"));

    public static StructuralSchema Root(string rootSchema) => StructuralSchema.Parse(Json(rootSchema));

    /// <summary>An object of kind Widget with the given spec JSON.</summary>
    public static JsonObject Widget(string spec) =>
        Json($$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"default"},"spec":{{spec}}}""");

    public static AdmissionResult Admit(StructuralSchema schema, JsonObject obj, JsonObject? old = null, FieldValidationMode mode = FieldValidationMode.Warn) =>
        new CustomResourceAdmission(schema).Admit(obj, old, mode);

    /// <summary>Admits a Widget with <paramref name="spec"/> against a schema whose spec is <paramref name="specSchema"/>.</summary>
    public static AdmissionResult AdmitSpec(string specSchema, string spec, string? oldSpec = null, FieldValidationMode mode = FieldValidationMode.Warn) =>
        Admit(Spec(specSchema), Widget(spec), oldSpec is null ? null : Widget(oldSpec), mode);

    /// <summary>The errors as the API server prints them in a Status message (<c>field: message</c>).</summary>
    public static string[] Messages(AdmissionResult result) => result.Errors.Select(e => e.ToString()).ToArray();

    public static FieldError Single(AdmissionResult result) => Assert.Single(result.Errors);
}
