using k8s;
using k8s.Models;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class HostingTests
{
    [Fact]
    public async Task A_snapshot_lets_the_cluster_survive_a_restart_with_its_resource_versions_and_crds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keel-snapshot-{Guid.NewGuid():N}.json");
        try
        {
            string rv;
            await using (var h = await ApiServerHarness.StartAsync(o => o.SnapshotPath = path))
            {
                await h.Server.InstallCrdAsync(TestCrds.Widget);
                await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural);
                rv = (await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default")).Metadata.ResourceVersion;
            }

            await using var restarted = await ApiServerHarness.StartAsync(o => o.SnapshotPath = path);
            var cm = await restarted.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
            Assert.Equal(rv, cm.Metadata.ResourceVersion);
            var w = Objects.AsNode(await restarted.Client.CustomObjects.GetNamespacedCustomObjectAsync(TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
            Assert.Equal("w", (string?)w["metadata"]!["name"]);
            var next = await restarted.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "default");
            Assert.True(long.Parse(next.Metadata.ResourceVersion) > long.Parse(rv));
            var uids = restarted.Server.Core.Store.All().Select(o => o.Uid).ToList();
            Assert.Equal(uids.Count, uids.Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task After_a_restart_the_garbage_collector_knows_the_owners_it_had_before()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keel-snapshot-{Guid.NewGuid():N}.json");
        try
        {
            await using (var h = await ApiServerHarness.StartAsync(o => o.SnapshotPath = path))
            {
                var owner = await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "owner" } }, "default");
                owner.ApiVersion = "v1";
                owner.Kind = "Secret";
                var dependent = Objects.ConfigMap("dependent");
                dependent.Metadata.OwnerReferences = [Objects.OwnerOf(owner)];
                await h.Client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "default");
            }

            await using var restarted = await ApiServerHarness.StartAsync(o => o.SnapshotPath = path);
            await restarted.Client.CoreV1.DeleteNamespacedSecretAsync("owner", "default");
            await restarted.Server.WaitForGarbageCollectionAsync();
            Assert.Empty((await restarted.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_kubeconfig_points_a_client_at_the_server_with_its_own_token()
    {
        await using var h = await ApiServerHarness.StartAsync();
        using var client = h.ClientWithKubeconfig(h.Server.CreateKubeconfig(Auth.UserInfo.User("alice")));
        var mark = h.Server.Requests.Mark();
        await client.CoreV1.ListNamespaceAsync();
        Assert.Equal("alice", Assert.Single(h.Server.Requests.Since(mark)).User);
    }

    [Fact]
    public async Task Workload_simulation_marks_deployments_ready_at_their_generation()
    {
        await using var h = await ApiServerHarness.StartAsync(o =>
        {
            o.SimulateWorkloads = true;
            o.WorkloadReadyDelay = TimeSpan.Zero;
        });
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web", 3), "default");
        await h.Server.WaitForGarbageCollectionAsync();
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default");
        Assert.Equal(3, d.Status.ReadyReplicas);
        Assert.Equal(3, d.Status.AvailableReplicas);
        Assert.Equal(d.Metadata.Generation, d.Status.ObservedGeneration);
        Assert.Contains(d.Status.Conditions, c => c.Type == "Available" && c.Status == "True");
    }

    [Fact]
    public async Task Additional_kinds_can_be_registered()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.AdditionalResources.Add(new Resources.ResourceDefinition
        {
            Group = "gateway.networking.k8s.io", Version = "v1", Kind = "HTTPRoute", Plural = "httproutes", Namespaced = true,
            HasStatusSubresource = true, GenerationFields = Resources.GenerationTracking.Spec,
        }));
        var route = new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "gateway.networking.k8s.io/v1",
            ["kind"] = "HTTPRoute",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "r" },
            ["spec"] = new System.Text.Json.Nodes.JsonObject(),
        };
        var created = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, "gateway.networking.k8s.io", "v1", "default", "httproutes"));
        Assert.Equal(1, (int?)created["metadata"]!["generation"]);
    }
}
