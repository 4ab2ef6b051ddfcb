using k8s;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class ScaleTests
{
    [Fact]
    public async Task The_scale_subresource_reads_and_writes_a_deployments_replicas_under_its_own_manager()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web", 2), "default");
        var scale = await h.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default");
        Assert.Equal(2, scale.Spec.Replicas);
        Assert.Equal("app=web", scale.Status.Selector);

        var patched = await h.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), "web", "default", fieldManager: "autoscaler");
        Assert.Equal(5, patched.Spec.Replicas);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default");
        Assert.Equal(5, d.Spec.Replicas);
        Assert.Equal(2, d.Metadata.Generation);
        Assert.Contains(d.Metadata.ManagedFields, m => m.Manager == "autoscaler" && m.Subresource == "scale");

        scale = await h.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default");
        scale.Spec.Replicas = 1;
        var replaced = await h.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", "default");
        Assert.Equal(1, replaced.Spec.Replicas);
    }

    [Fact]
    public async Task Discovery_names_the_scale_kind()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var apps = await RawHttp.GetAsync(h.Server, "/apis/apps/v1");
        var scale = apps.Json!["resources"]!.AsArray().Single(r => (string?)r!["name"] == "deployments/scale")!;
        Assert.Equal(("autoscaling", "v1", "Scale"), ((string?)scale["group"], (string?)scale["version"], (string?)scale["kind"]));
    }
}
