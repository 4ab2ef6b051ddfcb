using k8s;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Runtime.Cache;

namespace Keel.Operator.Tests.Unit;

public sealed class ChildKindCatalogTests
{
    [Fact]
    public void The_catalog_manages_exactly_the_kinds_a_render_can_produce_in_apply_order_with_only_crd_kinds_optional()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
        var catalog = new ChildKindCatalog(new InformerCache(client));
        Assert.Equal(ChildKinds.All, catalog.All.Select(k => (k.Resource.ApiVersion, k.Resource.Kind)));
        Assert.Equal(
            ["InferencePool", "InferencePool", "InferenceObjective", "InferenceModel", "HTTPRoute"],
            catalog.Optional.Select(k => k.Resource.Kind));
        Assert.All(catalog.All.Where(k => !k.IsOptional), k => Assert.True(k.IsServed));
        Assert.All(catalog.Optional, k => Assert.False(k.IsServed));
    }
}
