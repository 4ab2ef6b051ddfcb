using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>Strategic merge patches as kubectl edit/patch/apply send them to built-in kinds.</summary>
public sealed class StrategicMergePatchTests
{
    private static JsonObject Patch(string target, string patch) =>
        Patches.StrategicMerge(Json.Obj(target), Json.Obj(patch), TestSchemas.Deployment);

    private static string Containers(string json) => """{"spec":{"template":{"spec":{"containers":""" + json + "}}}}";

    private static JsonNode? ContainersOf(JsonObject obj) => obj["spec"]!["template"]!["spec"]!["containers"];

    [Fact]
    public void Maps_merge_and_null_deletes()
    {
        var result = Patch("""{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"replicas":1}}""", """{"metadata":{"labels":{"a":null,"c":"3"}},"spec":{"replicas":2,"paused":null}}""");

        Json.Equal("""{"metadata":{"labels":{"b":"2","c":"3"}},"spec":{"replicas":2}}""", result);
    }

    [Fact]
    public void Containers_merge_by_name_keeping_server_only_items_in_place()
    {
        var result = Patch(
            Containers("""[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]"""),
            Containers("""[{"name":"b","image":"b:2"},{"name":"c","image":"c:1"}]"""));

        Json.Equal("""[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"},{"name":"c","image":"c:1"}]""", ContainersOf(result));
    }

    [Fact]
    public void Lists_without_a_merge_strategy_are_replaced()
    {
        var result = Patch(Containers("""[{"name":"a","args":["--x","--y"]}]"""), Containers("""[{"name":"a","args":["--z"]}]"""));

        Json.Equal("""["--z"]""", ContainersOf(result)![0]!["args"]);
    }

    [Fact]
    public void Ports_merge_by_their_patch_merge_key()
    {
        var result = Patch(
            Containers("""[{"name":"a","ports":[{"containerPort":80,"name":"http"},{"containerPort":9090}]}]"""),
            Containers("""[{"name":"a","ports":[{"containerPort":80,"name":"web"}]}]"""));

        Json.Equal("""[{"containerPort":80,"name":"web"},{"containerPort":9090}]""", ContainersOf(result)![0]!["ports"]);
    }

    [Fact]
    public void Patch_delete_removes_an_item_and_patch_replace_replaces_the_list()
    {
        var deleted = Patch(Containers("""[{"name":"a"},{"name":"b"}]"""), Containers("""[{"name":"a","$patch":"delete"}]"""));
        var replaced = Patch(Containers("""[{"name":"a","image":"x"},{"name":"b"}]"""), Containers("""[{"name":"c"},{"$patch":"replace"}]"""));

        Json.Equal("""[{"name":"b"}]""", ContainersOf(deleted));
        Json.Equal("""[{"name":"c"}]""", ContainersOf(replaced));
    }

    [Fact]
    public void Patch_replace_and_delete_on_maps()
    {
        var replaced = Patch("""{"spec":{"selector":{"matchLabels":{"a":"1","b":"2"}}}}""", """{"spec":{"selector":{"$patch":"replace","matchLabels":{"c":"3"}}}}""");
        var deleted = Patch("""{"spec":{"strategy":{"type":"Recreate"}}}""", """{"spec":{"strategy":{"$patch":"delete"}}}""");

        Json.Equal("""{"matchLabels":{"c":"3"}}""", replaced["spec"]!["selector"]);
        Json.Equal("{}", deleted["spec"]!["strategy"]);
    }

    [Fact]
    public void Retain_keys_clears_fields_the_patch_does_not_keep()
    {
        var result = Patch(
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        Json.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]);
    }

    [Fact]
    public void Retain_keys_must_cover_the_patched_fields()
    {
        var error = Assert.Throws<PatchException>(() => Patch("""{"spec":{"strategy":{}}}""", """{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{"maxSurge":1}}}}"""));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void Delete_from_primitive_list_and_merge_strategy_scalars_union()
    {
        var result = Patches.StrategicMerge(
            Json.Obj("""{"metadata":{"finalizers":["a","b","c"]}}"""),
            Json.Obj("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"finalizers":["d","a"]}}"""),
            TestSchemas.Widget);

        // Items the patch names follow the patch's order; server-only items keep their place after them.
        Json.Equal("""["d","a","c"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Set_element_order_orders_patch_items_and_keeps_server_only_items_relative()
    {
        var result = Patch(
            Containers("""[{"name":"a"},{"name":"b"},{"name":"c"}]"""),
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"name":"c","image":"new"}]}}}}""");

        Json.Equal("""[{"name":"b"},{"name":"c","image":"new"},{"name":"a"}]""", ContainersOf(result));
    }

    [Fact]
    public void What_kubectl_apply_sends_to_change_one_env_var_merges_in_place()
    {
        var live = Containers("""[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]""");
        const string patch = """
        {"spec":{"template":{"spec":{
          "$setElementOrder/containers":[{"name":"a"}],
          "containers":[{"name":"a","$setElementOrder/env":[{"name":"X"},{"name":"Y"}],"env":[{"name":"Y","value":"3"}]}]}}}}
        """;

        var result = Patch(live, patch);

        Json.Equal("""[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"3"}]}]""", ContainersOf(result));
    }

    [Fact]
    public void Directives_never_reach_the_stored_object()
    {
        var result = Patch("""{"spec":{}}""", """{"spec":{"template":{"spec":{"containers":[{"name":"new","$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"1"}]}]}}}}""");

        Assert.DoesNotContain("$", Json.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Items_without_the_merge_key_are_rejected()
    {
        var error = Assert.Throws<PatchException>(() => Patch(Containers("""[{"name":"a"}]"""), Containers("""[{"image":"x"}]""")));

        Assert.Contains("does not contain declared merge key: name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_patch_strategy_extensions_keyed_lists_merge_by_their_first_key()
    {
        var result = Patches.StrategicMerge(
            Json.Obj("""{"spec":{"items":[{"name":"a","value":"1"},{"name":"b","value":"2"}]}}"""),
            Json.Obj("""{"spec":{"items":[{"name":"b","value":"3"}]}}"""),
            TestSchemas.Widget);

        Json.Equal("""[{"name":"a","value":"1"},{"name":"b","value":"3"}]""", result["spec"]!["items"]);
    }
}
