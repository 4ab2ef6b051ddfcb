using System.Text.Json.Nodes;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// Requiredness is per use: a map-list key is required in the item schema of its list only, so a type used both as a
/// list item and elsewhere keeps its optional fields optional elsewhere. Rules add what Kubernetes requires.
/// </summary>
public sealed class RequiredFieldTests
{
    private static JsonNode CrdSchema(string name) =>
        JsonNode.Parse(CrdCatalog.Find(name)!.Json)!["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    private static JsonNode KindSchema(string apiVersion, string kind) => JsonNode.Parse(SchemaCatalog.Find(apiVersion, kind)!.OpenApiV3SchemaJson)!;

    private static List<string>? Required(JsonNode schema) => schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Fact]
    public void An_object_reference_outside_a_map_list_keeps_name_optional()
    {
        // Compat: the original CRD's baseConfigMapRef (an ObjectReference) does not require name.
        var reference = CrdSchema("modelservices.llm-d.ai")["properties"]!["spec"]!["properties"]!["baseConfigMapRef"]!;
        Assert.Equal("object", reference["type"]!.GetValue<string>());
        Assert.Null(Required(reference));

        var involved = KindSchema("v1", "Event")["properties"]!["involvedObject"]!;
        Assert.Null(Required(involved));
    }

    [Fact]
    public void The_same_type_as_a_map_list_item_requires_its_key()
    {
        var secrets = KindSchema("v1", "ServiceAccount")["properties"]!["secrets"]!;
        Assert.Equal("map", secrets["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["name"], Required(secrets["items"]!));
    }

    [Fact]
    public void A_defaulted_key_is_not_required()
    {
        var ports = KindSchema("v1", "Service")["properties"]!["spec"]!["properties"]!["ports"]!;
        Assert.Equal(["port"], Required(ports["items"]!));
        Assert.Equal("TCP", ports["items"]!["properties"]!["protocol"]!["default"]!.GetValue<string>());
    }

    [Fact]
    public void Status_conditions_require_what_metav1_Condition_requires()
    {
        var conditions = CrdSchema("modelservices.llm-d.ai")["properties"]!["status"]!["properties"]!["conditions"]!;
        Assert.Equal(["lastTransitionTime", "message", "reason", "status", "type"], Required(conditions["items"]!));
    }
}
