using k8s.Models;
using Keel.Runtime.Controllers;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Controllers;

public sealed class PredicateTests
{
    private static V1Deployment Deployment(long? generation, string rv, Dictionary<string, string>? labels = null)
        => new() { Metadata = new V1ObjectMeta { Name = "d", NamespaceProperty = "ns", Generation = generation, ResourceVersion = rv, Labels = labels } };

    [Fact]
    public void GenerationChanged_passes_spec_changes_and_drops_status_writes()
    {
        var p = Predicates.GenerationChanged<V1Deployment>();
        Assert.True(p.Update(Deployment(1, "1"), Deployment(2, "2")));
        Assert.False(p.Update(Deployment(1, "1"), Deployment(1, "2")));
        Assert.True(p.Create(Deployment(1, "1")));
        Assert.True(p.Delete(Deployment(1, "1")));
        Assert.True(p.Generic(Deployment(1, "1")));
    }

    [Fact]
    public void GenerationChanged_falls_back_to_resourceVersion_for_kinds_without_generation()
    {
        var p = Predicates.GenerationChanged<V1ConfigMap>();
        var a = Objects.ConfigMap("c");
        a.Metadata.ResourceVersion = "1";
        var b = Objects.ConfigMap("c");
        b.Metadata.ResourceVersion = "2";
        Assert.True(p.Update(a, b));
        Assert.False(p.Update(a, a));
    }

    [Fact]
    public void Label_and_annotation_predicates_and_combinators()
    {
        var labels = Predicates.LabelsChanged<V1Deployment>();
        Assert.True(labels.Update(Deployment(1, "1", new() { ["a"] = "1" }), Deployment(1, "2", new() { ["a"] = "2" })));
        Assert.False(labels.Update(Deployment(1, "1", new() { ["a"] = "1" }), Deployment(1, "2", new() { ["a"] = "1" })));
        Assert.False(labels.Update(Deployment(1, "1"), Deployment(1, "2", [])));

        var either = Predicates.Or(Predicates.GenerationChanged<V1Deployment>(), labels);
        Assert.True(either.Update(Deployment(1, "1"), Deployment(1, "2", new() { ["x"] = "y" })));
        Assert.False(either.Update(Deployment(1, "1"), Deployment(1, "2")));

        var both = Predicates.And(Predicates.GenerationChanged<V1Deployment>(), labels);
        Assert.False(both.Update(Deployment(1, "1"), Deployment(2, "2")));
        Assert.True(Predicates.Not(both).Update(Deployment(1, "1"), Deployment(2, "2")));

        var has = Predicates.HasLabels<V1Deployment>(new Dictionary<string, string> { ["app"] = "x" });
        Assert.True(has.Create(Deployment(1, "1", new() { ["app"] = "x" })));
        Assert.False(has.Create(Deployment(1, "1")));
    }

    [Fact]
    public void Owner_mapping_follows_the_controller_reference_of_the_owner_kind()
    {
        var owner = ResourceRegistry.Get<V1Deployment>();
        var child = new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = "rs", NamespaceProperty = "ns",
                OwnerReferences =
                [
                    new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "not-controller", Uid = "1" },
                    new V1OwnerReference { ApiVersion = "apps/v1beta2", Kind = "Deployment", Name = "d", Uid = "2", Controller = true },
                ],
            },
        };
        Assert.Equal(new ObjectKey("ns", "d"), OwnerMapping.ControllerOwnerKey(child, owner)); // any version of the group
        Assert.Null(OwnerMapping.ControllerOwnerKey(child, ResourceRegistry.Get<V1StatefulSet>()));
        child.Metadata.OwnerReferences[1].ApiVersion = "extensions/v1beta1";
        Assert.Null(OwnerMapping.ControllerOwnerKey(child, owner)); // same kind name, other group

        var clusterOwner = ResourceRegistry.Get<V1Namespace>();
        var inNamespace = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "ns", OwnerReferences = [Objects.ControllerRef("Namespace", "ns", "u")] } };
        Assert.Equal(new ObjectKey(null, "ns"), OwnerMapping.ControllerOwnerKey(inNamespace, clusterOwner));
    }
}
