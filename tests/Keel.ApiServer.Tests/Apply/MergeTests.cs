using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.ApiServer.Apply.Typed;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>
/// How an applied configuration merges into the live object, per topology. The list-order cases are
/// structured-merge-diff's own documented merge results (live, applied, expected).
/// </summary>
public sealed class MergeTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Merge(MergeTopology topology, string live, string applied) =>
        ApplyMerger.Merge(Json.Obj(live), Json.Obj(applied), topology.Root);

    [Theory]
    [InlineData("""["a","b","c"]""", """["a","b"]""", """["a","b","c"]""")]
    [InlineData("""["a","b"]""", """["a","b","c"]""", """["a","b","c"]""")]
    [InlineData("""["a","b","c"]""", """[]""", """["a","b","c"]""")]
    [InlineData("""[]""", """["a","b","c"]""", """["a","b","c"]""")]
    [InlineData("""["a","b"]""", """["b","a"]""", """["b","a"]""")]
    [InlineData("""["a","b","c"]""", """["d","e","f"]""", """["a","b","c","d","e","f"]""")]
    [InlineData("""["a","b","c"]""", """["c","d","e","f"]""", """["a","b","c","d","e","f"]""")]
    [InlineData("""["a","b","c","g","f"]""", """["c","d","e","f"]""", """["a","b","c","g","d","e","f"]""")]
    [InlineData("""["c","d","e","f"]""", """["a","c","e"]""", """["a","c","d","e","f"]""")]
    [InlineData("""["a","b","c","x","y","z"]""", """["d","e","f","x","y","z"]""", """["a","b","c","d","e","f","x","y","z"]""")]
    [InlineData("""["c","a","g","f"]""", """["c","f","a","g"]""", """["c","f","a","g"]""")]
    [InlineData("""["a","b","c","d"]""", """["d","e","f","a"]""", """["b","c","d","e","f","a"]""")]
    [InlineData("""["c","d","e","f","g","h","i","j"]""", """["2","h","3","e","4","k","l"]""", """["c","d","f","g","2","h","i","j","3","e","4","k","l"]""")]
    [InlineData("""["a","b","c","d","e","f","g","h","i","j"]""", """["1","b","2","h","3","e","4","k","l"]""", """["a","1","b","c","d","f","g","2","h","i","j","3","e","4","k","l"]""")]
    public void Set_items_merge_in_structured_merge_diff_order(string live, string applied, string expected)
    {
        var merged = Merge(TestSchemas.Widget, $$$"""{"spec":{"tags":{{{live}}}}}""", $$$"""{"spec":{"tags":{{{applied}}}}}""");

        Json.Equal(expected, merged["spec"]!["tags"]);
    }

    [Theory]
    [InlineData("""["a","b","c"]""", """["c","b"]""", """["a","c","b"]""")]
    [InlineData("""["a","b","c"]""", """["c","a"]""", """["b","c","a"]""")]
    [InlineData("""["b"]""", """["a","b","c"]""", """["a","b","c"]""")]
    public void Keyed_items_merge_in_structured_merge_diff_order(string live, string applied, string expected)
    {
        static string Items(string names) => "[" + string.Join(",", Json.Arr(names).Select(n => $$"""{"name":"{{n}}"}""")) + "]";

        var merged = Merge(TestSchemas.Widget, $$$"""{"spec":{"items":{{{Items(live)}}}}}""", $$$"""{"spec":{"items":{{{Items(applied)}}}}}""");

        Json.Equal(Items(expected), merged["spec"]!["items"]);
    }

    [Fact]
    public void Keyed_items_merge_field_by_field()
    {
        var merged = Merge(TestSchemas.Widget,
            """{"spec":{"items":[{"name":"a","value":"1","weight":5},{"name":"b","value":"2"}]}}""",
            """{"spec":{"items":[{"name":"a","value":"9"}]}}""");

        Json.Equal("""[{"name":"a","value":"9","weight":5},{"name":"b","value":"2"}]""", merged["spec"]!["items"]);
    }

    [Fact]
    public void Ports_are_keyed_by_container_port_and_protocol_with_the_protocol_default()
    {
        var merged = Merge(TestSchemas.Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":53,"protocol":"UDP","name":"dns-udp"},{"containerPort":53,"name":"dns"}]}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":53,"protocol":"TCP","name":"dns-tcp"}]}]}}}}""");

        Json.Equal("""[{"containerPort":53,"protocol":"UDP","name":"dns-udp"},{"containerPort":53,"name":"dns-tcp","protocol":"TCP"}]""",
            merged["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void Atomic_lists_and_maps_are_replaced_whole_and_owned_as_one_field()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var live = manager.Apply(null, Json.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
             "spec":{"selector":{"matchLabels":{"a":"1","b":"2"}},
                     "template":{"spec":{"nodeSelector":{"x":"1","y":"2"},"containers":[{"name":"c","args":["--a","--b"]}]}}}}
            """), "a", false, null, Now).Result!;

        var result = manager.Apply(live, Json.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
             "spec":{"selector":{"matchLabels":{"a":"1"}},
                     "template":{"spec":{"nodeSelector":{"z":"3"},"containers":[{"name":"c","args":["--c"]}]}}}}
            """), "a", false, null, Now).Result!;

        Json.Equal("""{"matchLabels":{"a":"1"}}""", result["spec"]!["selector"]);
        Json.Equal("""{"z":"3"}""", result["spec"]!["template"]!["spec"]!["nodeSelector"]);
        Json.Equal("""["--c"]""", result["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]);
        Assert.Equal(
            """{"f:spec":{"f:selector":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:args":{},"f:name":{}}},"f:nodeSelector":{}}}}}""",
            Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void An_atomic_field_changed_by_another_applier_conflicts_as_a_whole()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"c","args":["--a"]}]}}}}"""), "a", false, null, Now).Result!;

        var outcome = manager.Apply(live, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"c","args":["--a","--b"]}]}}}}"""), "b", false, null, Now);

        Assert.Equal(""".spec.template.spec.containers[name="c"].args""", Assert.Single(outcome.Conflicts).FieldPath);
    }

    [Fact]
    public void Int_or_string_values_are_leaves_whatever_their_type()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"strategy":{"rollingUpdate":{"maxSurge":1}}}}"""), "a", false, null, Now).Result!;

        var result = manager.Apply(live, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"strategy":{"rollingUpdate":{"maxSurge":"25%"}}}}"""), "a", false, null, Now).Result!;
        var conflict = manager.Apply(result, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"strategy":{"rollingUpdate":{"maxSurge":2}}}}"""), "b", false, null, Now);

        Json.Equal("\"25%\"", result["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]);
        Assert.Equal("""{"f:spec":{"f:strategy":{"f:rollingUpdate":{"f:maxSurge":{}}}}}""", Json.Text(Json.FieldsOf(result, "a")));
        Assert.Equal(".spec.strategy.rollingUpdate.maxSurge", Assert.Single(conflict.Conflicts).FieldPath);
    }

    [Fact]
    public void Numbers_compare_by_value_so_reapplying_1_point_0_is_not_a_change()
    {
        var manager = new FieldManager(TestSchemas.Widget);
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "a", false, null, Now).Result!;

        var outcome = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1.0}}"""), "b", false, null, Now);

        Assert.False(outcome.HasConflicts);
    }

    [Fact]
    public void Schemaless_kinds_deduce_granular_maps_and_atomic_lists()
    {
        var manager = new FieldManager(MergeTopology.Deduced);
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"x/v1","kind":"Thing","metadata":{"name":"t","labels":{"a":"1"}},"spec":{"nested":{"a":1,"b":2},"list":[1,2]}}"""), "a", false, null, Now).Result!;
        live = manager.Apply(live, Json.Obj("""{"apiVersion":"x/v1","kind":"Thing","metadata":{"name":"t"},"spec":{"nested":{"c":3},"list":[3]}}"""), "b", true, null, Now).Result!;

        Json.Equal("""{"nested":{"a":1,"b":2,"c":3},"list":[3]}""", live["spec"]);
        // Undeclared keys are owned themselves too (the "." entries); the list went to b as a whole.
        Assert.Equal("""{"f:spec":{".":{},"f:list":{},"f:nested":{".":{},"f:c":{}}}}""", Json.Text(Json.FieldsOf(live, "b")));
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:a":{}}},"f:spec":{".":{},"f:nested":{".":{},"f:a":{},"f:b":{}}}}""", Json.Text(Json.FieldsOf(live, "a")));
    }

    [Fact]
    public void Preserved_unknown_fields_and_free_form_objects_merge_as_deduced_maps()
    {
        var merged = Merge(TestSchemas.Widget,
            """{"spec":{"extra":{"a":{"x":1},"l":[1]},"free":{"k":{"deep":1}}}}""",
            """{"spec":{"extra":{"a":{"y":2},"l":[2]},"free":{"k":{"other":2}}}}""");

        Json.Equal("""{"extra":{"a":{"x":1,"y":2},"l":[2]},"free":{"k":{"deep":1,"other":2}}}""", merged["spec"]);
    }

    [Fact]
    public void An_explicit_null_is_owned_and_kept_by_the_merge()
    {
        var manager = new FieldManager(TestSchemas.Widget);
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "a", false, null, Now).Result!;

        var result = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":null}}"""), "a", false, null, Now).Result!;

        Assert.True(((JsonObject)result["spec"]!).ContainsKey("size"));
        Assert.Null(result["spec"]!["size"]);
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void A_live_list_with_repeated_keys_collapses_into_the_applied_item()
    {
        var merged = Merge(TestSchemas.Widget,
            """{"spec":{"items":[{"name":"a","value":"1"},{"name":"b"},{"name":"a","value":"2"}]}}""",
            """{"spec":{"items":[{"name":"a","value":"3"}]}}""");

        Json.Equal("""[{"name":"a","value":"3"},{"name":"b"}]""", merged["spec"]!["items"]);
    }
}
