using k8s;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class SmokeTests
{
    [Fact]
    public async Task Create_and_get_a_configmap()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        var read = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        Assert.Equal("v", read.Data["k"]);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
    }
}
