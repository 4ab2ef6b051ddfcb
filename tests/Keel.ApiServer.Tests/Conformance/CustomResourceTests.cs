using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class CustomResourceTests
{
    [Fact]
    public async Task A_created_crd_is_served_at_once_and_reported_established()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var crd = await h.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.keel.dev");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal(["v1"], crd.Status.StoredVersions);
        Assert.Equal("Widget", crd.Status.AcceptedNames.Kind);

        var created = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w", 3), TestCrds.Group, "v1", "default", TestCrds.Plural));
        Assert.Equal(1, (int?)created["metadata"]!["generation"]);
        Assert.Equal(3, (int?)created["spec"]!["size"]);
    }

    [Fact]
    public async Task Every_served_version_reads_the_same_object_with_its_own_apiVersion()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w", 3, "v1beta1"), TestCrds.Group, "v1beta1", "default", TestCrds.Plural);
        var v1 = Objects.AsNode(await h.Client.CustomObjects.GetNamespacedCustomObjectAsync(TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
        var beta = Objects.AsNode(await h.Client.CustomObjects.GetNamespacedCustomObjectAsync(TestCrds.Group, "v1beta1", "default", TestCrds.Plural, "w"));
        Assert.Equal("test.keel.dev/v1", (string?)v1["apiVersion"]);
        Assert.Equal("test.keel.dev/v1beta1", (string?)beta["apiVersion"]);
        Assert.Equal((string?)v1["metadata"]!["uid"], (string?)beta["metadata"]!["uid"]);
    }

    [Fact]
    public async Task Custom_resource_generation_moves_on_spec_but_not_on_status_or_metadata()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var w = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural));
        w["status"] = new JsonObject { ["phase"] = "Ready" };
        w = Objects.AsNode(await h.Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(w, TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
        Assert.Equal(1, (int?)w["metadata"]!["generation"]);
        Assert.Equal("Ready", (string?)w["status"]!["phase"]);
        w["metadata"]!["labels"] = new JsonObject { ["a"] = "b" };
        w = Objects.AsNode(await h.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(w, TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
        Assert.Equal(1, (int?)w["metadata"]!["generation"]);
        w["spec"]!["size"] = 9;
        w["status"] = new JsonObject { ["phase"] = "Ignored" };
        w = Objects.AsNode(await h.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(w, TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
        Assert.Equal(2, (int?)w["metadata"]!["generation"]);
        Assert.Equal("Ready", (string?)w["status"]!["phase"]);
    }

    [Fact]
    public async Task Status_sent_on_create_is_dropped_for_kinds_with_a_status_subresource()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var body = Objects.Widget("w");
        body["status"] = new JsonObject { ["phase"] = "Fake" };
        var created = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, TestCrds.Group, "v1", "default", TestCrds.Plural));
        Assert.Null(created["status"]);
    }

    [Fact]
    public async Task Deleting_the_crd_deletes_its_custom_resources_and_stops_serving_them()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var (_, watch) = h.Server.Core.Store.Watch(new Resources.GroupResource(TestCrds.Group, TestCrds.Plural), null, null, false, 100);
        await h.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.test.keel.dev");
        await h.Server.WaitForGarbageCollectionAsync();
        Assert.Empty((await h.Client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            h.Client.CustomObjects.ListNamespacedCustomObjectAsync(TestCrds.Group, "v1", "default", TestCrds.Plural));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal(Storage.WatchCloseReason.Shutdown, watch!.CloseReason);
    }

    [Fact]
    public async Task Custom_resource_deletes_return_the_object_and_built_in_deletes_a_success_status()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var deleted = await RawHttp.SendAsync(h.Server, HttpMethod.Delete, "/apis/test.keel.dev/v1/namespaces/default/widgets/w");
        Assert.Equal("Widget", (string?)deleted.Json!["kind"]);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c"), "default");
        var status = await RawHttp.SendAsync(h.Server, HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/c");
        Assert.Equal("Success", (string?)status.Json!["status"]);
        Assert.Equal("c", (string?)status.Json!["details"]!["name"]);
    }
}
