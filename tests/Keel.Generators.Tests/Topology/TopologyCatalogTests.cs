using k8s.Models;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Topology;

/// <summary>Topology as runtime data: per type and JSON path, the list/map type, keys and merge rule.</summary>
public sealed class TopologyCatalogTests
{
    [Theory]
    [InlineData("spec.template.spec.containers", FieldKind.List, MergeStrategy.MapList, ListType.Map, "name")]
    [InlineData("spec.template.spec.containers[name=vllm].ports", FieldKind.List, MergeStrategy.MapList, ListType.Map, "containerPort,protocol")]
    [InlineData("spec.template.spec.containers[].volumeMounts", FieldKind.List, MergeStrategy.MapList, ListType.Map, "mountPath")]
    [InlineData("spec.template.spec.containers.args", FieldKind.List, MergeStrategy.Prepend, ListType.Atomic, "")]
    [InlineData("spec.template.spec.containers[0].command", FieldKind.List, MergeStrategy.AtomicReplaceUnlessEmpty, ListType.Atomic, "")]
    [InlineData("spec.template.spec.tolerations", FieldKind.List, MergeStrategy.AtomicList, ListType.Atomic, "")]
    [InlineData("spec.template.spec.volumes", FieldKind.List, MergeStrategy.MapList, ListType.Map, "name")]
    [InlineData("spec.template.spec.imagePullSecrets", FieldKind.List, MergeStrategy.MapList, ListType.Map, "name")]
    [InlineData("metadata.finalizers", FieldKind.List, MergeStrategy.SetUnion, ListType.Set, "")]
    [InlineData("metadata.ownerReferences", FieldKind.List, MergeStrategy.MapList, ListType.Map, "uid")]
    [InlineData("status.conditions", FieldKind.List, MergeStrategy.MapList, ListType.Map, "type")]
    public void Deployment_lists_have_kubernetes_topology(string path, FieldKind kind, MergeStrategy strategy, ListType listType, string keys)
    {
        var lookup = TopologyCatalog.Resolve(typeof(V1Deployment), path);
        Assert.NotNull(lookup);
        Assert.Equal(kind, lookup.Field.Kind);
        Assert.Equal(strategy, lookup.Field.Strategy);
        Assert.Equal(listType, lookup.Field.ListType);
        Assert.Equal(keys, string.Join(",", lookup.Field.ListMapKeys));
    }

    [Fact]
    public void Maps_structs_and_one_of_groups_are_described()
    {
        Assert.Equal(MergeStrategy.MapUnion, TopologyCatalog.Resolve(typeof(V1Deployment), "metadata.labels")!.Field.Strategy);
        Assert.Equal(MergeStrategy.AtomicMap, TopologyCatalog.Resolve(typeof(V1Deployment), "spec.template.spec.nodeSelector")!.Field.Strategy);
        Assert.Equal(MergeStrategy.AtomicObject, TopologyCatalog.Resolve(typeof(V1Deployment), "spec.selector")!.Field.Strategy);
        Assert.True(TopologyCatalog.For(typeof(V1LabelSelector))!.Atomic);

        var label = TopologyCatalog.Resolve(typeof(V1Deployment), "metadata.labels['app.kubernetes.io/name']");
        Assert.NotNull(label);
        Assert.True(label.IntoElement);

        var env = TopologyCatalog.For(typeof(V1EnvVar))!;
        Assert.Equal("value", Assert.Single(env.OneOfGroups).Name);
        Assert.Equal(["value", "valueFrom"], env.OneOfGroups[0].Members);
        Assert.Equal("value", env.Field("valueFrom")!.OneOfGroup);
        Assert.Equal(30, TopologyCatalog.For(typeof(V1Volume))!.OneOfGroups.Single().Members.Count);
        Assert.Equal(["exec", "grpc", "httpGet", "tcpSocket"], TopologyCatalog.For(typeof(V1Probe))!.OneOfGroups.Single().Members);
    }

    [Fact]
    public void Unknown_paths_and_types_resolve_to_null()
    {
        Assert.Null(TopologyCatalog.Resolve(typeof(V1Deployment), "spec.nope"));
        Assert.Null(TopologyCatalog.Resolve(typeof(V1Deployment), "spec.replicas.deeper"));
        Assert.Null(TopologyCatalog.Resolve(typeof(string), "x"));
        Assert.Null(TopologyCatalog.For(typeof(Uri)));
    }
}
