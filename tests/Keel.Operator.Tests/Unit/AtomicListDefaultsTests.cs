using System.Text.Json.Nodes;
using Keel.Operator.Children;
using Keel.Runtime.Resources;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;

namespace Keel.Operator.Tests.Unit;

public sealed class AtomicListDefaultsTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{
          "rules":{"type":"array","items":{"type":"object","properties":{
             "weight":{"type":"integer","default":1},
             "nested":{"type":"object","properties":{"mode":{"type":"string","default":"On"}}}}}},
          "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
             "items":{"type":"object","properties":{"name":{"type":"string"},"protocol":{"type":"string","default":"TCP"}}}},
          "ref":{"type":"object","x-kubernetes-map-type":"atomic","properties":{"kind":{"type":"string","default":"Service"}}},
          "top":{"type":"string","default":"x"}}}
        """)!.AsObject();

    [Fact]
    public void Defaults_are_filled_inside_atomic_lists_and_atomic_structs_only()
    {
        var obj = JsonNode.Parse("""{"rules":[{"nested":{}},{"weight":5}],"ports":[{"name":"a"}],"ref":{}}""")!.AsObject();
        AtomicListDefaults.Walk(obj, Schema, insideAtomic: false);
        Assert.Equal("""{"rules":[{"nested":{"mode":"On"},"weight":1},{"weight":5}],"ports":[{"name":"a"}],"ref":{"kind":"Service"}}""", obj.ToJsonString());
    }

    [Fact]
    public void The_compiled_httproute_schema_fills_a_backend_weight_and_a_rule_path_match()
    {
        var route = JsonNode.Parse("""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r"},
             "spec":{"rules":[{"backendRefs":[{"group":"inference.networking.k8s.io","kind":"InferencePool","name":"p"}]}]}}
            """)!.AsObject();
        Assert.True(AtomicListDefaults.Fill(route, ResourceRegistry.Get<HttpRoute>()));
        var backend = route["spec"]!["rules"]![0]!["backendRefs"]![0]!;
        Assert.Equal(1, backend["weight"]!.GetValue<int>());
        Assert.Equal("inference.networking.k8s.io", backend["group"]!.GetValue<string>());
    }

    [Fact]
    public void Built_in_kinds_have_no_compiled_schema_and_are_left_alone()
    {
        var deployment = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"c"}]}}}}""")!.AsObject();
        Assert.False(AtomicListDefaults.Fill(deployment, ResourceRegistry.Get<k8s.Models.V1Deployment>()));
        Assert.Equal("""{"spec":{"template":{"spec":{"containers":[{"name":"c"}]}}}}""", deployment.ToJsonString());
    }
}
