using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>Builds small CRDs around a schema for CRD validation tests.</summary>
internal static class CrdKit
{
    /// <summary>A valid single-version CRD for widgets.example.com whose openAPIV3Schema is <paramref name="schema"/>.</summary>
    public static JsonObject Crd(string schema, Action<JsonObject>? edit = null)
    {
        var crd = SchemaKit.Json("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced",
               "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
               "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{}}}]}}
            """);
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"] = JsonNode.Parse(schema);
        edit?.Invoke(crd);
        return crd;
    }

    /// <summary>A CRD whose spec property has schema <paramref name="specSchema"/>.</summary>
    public static JsonObject SpecCrd(string specSchema) =>
        Crd("""{"type":"object","properties":{"spec":""" + specSchema + "}}");

    public static string[] Errors(JsonObject crd) =>
        CustomResourceDefinitionValidation.Validate(crd).Select(e => e.ToString()).ToArray();

    /// <summary>The path prefix of the spec property's schema in a single-version CRD.</summary>
    public const string SpecPath = "spec.validation.openAPIV3Schema.properties[spec]";
}
