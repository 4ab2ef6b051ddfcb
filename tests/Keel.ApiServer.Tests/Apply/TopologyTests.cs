using Keel.ApiServer.Apply;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>How schema markers become merge topology (kube-openapi's conversion rules).</summary>
public sealed class TopologyTests
{
    private static TypeNode Spec(string specSchema) =>
        MergeTopology.FromSchema(Json.Obj($$"""{"type":"object","properties":{"spec":{{specSchema}} } }""")).Root.Map!.TypeOf("spec")!;

    [Theory]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", "Atomic")]
    [InlineData("""{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}}""", "Atomic")]
    [InlineData("""{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}""", "Set")]
    [InlineData("""{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object"}}""", "Map")]
    [InlineData("""{"type":"array","x-kubernetes-patch-strategy":"merge","x-kubernetes-patch-merge-key":"name","items":{"type":"object"}}""", "Map")]
    [InlineData("""{"type":"array","x-kubernetes-patch-strategy":"merge","items":{"type":"string"}}""", "Set")]
    [InlineData("""{"type":"array","x-kubernetes-patch-strategy":"retainKeys","items":{"type":"string"}}""", "Atomic")]
    [InlineData("""{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object"}}""", "Atomic")]
    [InlineData("""{"type":"array","x-kubernetes-list-type":"bogus","items":{"type":"string"}}""", "Atomic")]
    public void List_types(string schema, string expected) => Assert.Equal(expected, Spec(schema).List!.Type.ToString());

    [Fact]
    public void Map_types_and_undeclared_keys()
    {
        var granular = Spec("""{"type":"object","properties":{"a":{"type":"string"}}}""").Map!;
        var atomic = Spec("""{"type":"object","x-kubernetes-map-type":"atomic","properties":{"a":{"type":"string"}}}""").Map!;
        var freeForm = Spec("""{"type":"object"}""").Map!;
        var additional = Spec("""{"type":"object","additionalProperties":{"type":"integer"}}""").Map!;
        var anyAdditional = Spec("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":true}""").Map!;

        Assert.False(granular.Atomic);
        Assert.Null(granular.ElementType);
        Assert.True(atomic.Atomic);
        Assert.Same(UntypedTypes.Deduced, freeForm.ElementType);
        Assert.True(additional.ElementType!.Scalar);
        Assert.Same(UntypedTypes.Deduced, anyAdditional.ElementType);
    }

    [Fact]
    public void Preserve_unknown_fields_applies_to_the_whole_subtree()
    {
        var spec = Spec("""{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"inner":{"type":"object","properties":{"a":{"type":"string"}}}}}""");

        Assert.Same(UntypedTypes.Deduced, spec.Map!.ElementType);
        Assert.Same(UntypedTypes.Deduced, spec.Map.TypeOf("inner")!.Map!.ElementType);
    }

    [Fact]
    public void Int_or_string_and_untyped_positions_accept_any_shape()
    {
        var intOrString = Spec("""{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}""");

        Assert.True(intOrString.Scalar);
        Assert.NotNull(intOrString.List);
        Assert.NotNull(intOrString.Map);
    }

    [Fact]
    public void References_resolve_through_allOf_with_sibling_extensions_overriding()
    {
        var topology = MergeTopology.FromSchema(Json.Obj("""
            {"type":"object","properties":{
               "spec":{"allOf":[{"$ref":"#/definitions/Thing"}],"x-kubernetes-map-type":"atomic"},
               "other":{"$ref":"#/definitions/Thing"}},
             "definitions":{"Thing":{"type":"object","properties":{"self":{"$ref":"#/definitions/Thing"},"n":{"type":"integer"}}}}}
            """));

        var spec = topology.Root.Map!.TypeOf("spec")!;
        var other = topology.Root.Map!.TypeOf("other")!;
        Assert.True(spec.Map!.Atomic);
        Assert.False(other.Map!.Atomic);
        Assert.Same(other, other.Map.TypeOf("self"));
    }

    [Fact]
    public void Metadata_always_follows_object_meta()
    {
        var metadata = MergeTopology.FromSchema(Json.Obj("""{"type":"object","properties":{"metadata":{"type":"object"}}}""")).Root.Map!.TypeOf("metadata")!;

        Assert.Equal(ListType.Map, metadata.Map!.TypeOf("ownerReferences")!.List!.Type);
        Assert.Equal(["uid"], metadata.Map.TypeOf("ownerReferences")!.List!.Keys);
        Assert.Equal(ListType.Set, metadata.Map.TypeOf("finalizers")!.List!.Type);
        Assert.Equal(ListType.Atomic, metadata.Map.TypeOf("managedFields")!.List!.Type);
        Assert.False(metadata.Map.TypeOf("labels")!.Map!.Atomic);
        Assert.True(metadata.Map.TypeOf("name")!.Scalar);
    }

    [Fact]
    public void Deduced_topology_keeps_object_meta_and_deduces_the_rest()
    {
        var root = MergeTopology.Deduced.Root;

        Assert.Equal(ListType.Map, root.Map!.TypeOf("metadata")!.Map!.TypeOf("ownerReferences")!.List!.Type);
        Assert.Same(UntypedTypes.Deduced, root.Map.TypeOf("spec"));
        Assert.True(UntypedTypes.Deduced.List!.IsAtomic);
        Assert.False(UntypedTypes.Deduced.Map!.Atomic);
    }
}
