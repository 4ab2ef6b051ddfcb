using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class DiscoveryAndTableTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    [Fact]
    public async Task Version_and_legacy_discovery_describe_the_built_in_kinds()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var version = await RawHttp.GetAsync(h.Server, "/version");
        Assert.Equal("33", (string?)version.Json!["minor"]);
        var core = await RawHttp.GetAsync(h.Server, "/api/v1");
        var configmaps = core.Json!["resources"]!.AsArray().Single(r => (string?)r!["name"] == "configmaps")!;
        Assert.Equal("ConfigMap", (string?)configmaps["kind"]);
        Assert.Equal(["cm"], configmaps["shortNames"]!.AsArray().Select(s => (string?)s));
        Assert.Contains(core.Json!["resources"]!.AsArray(), r => (string?)r!["name"] == "pods/status");
        var groups = await RawHttp.GetAsync(h.Server, "/apis");
        Assert.Contains(groups.Json!["groups"]!.AsArray(), g => (string?)g!["name"] == "apps");
        var apps = await RawHttp.GetAsync(h.Server, "/apis/apps");
        Assert.Equal("apps/v1", (string?)apps.Json!["preferredVersion"]!["groupVersion"]);
    }

    [Fact]
    public async Task Aggregated_discovery_is_served_to_clients_that_ask_for_it_and_follows_crds()
    {
        await using var h = await ApiServerHarness.StartAsync();
        const string Accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
        var before = await RawHttp.GetAsync(h.Server, "/apis", Accept);
        Assert.Equal("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", before.ContentType.Replace(" ", ""));
        Assert.DoesNotContain(before.Json!["items"]!.AsArray(), i => (string?)i!["metadata"]!["name"] == TestCrds.Group);

        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var after = await RawHttp.GetAsync(h.Server, "/apis", Accept);
        var group = after.Json!["items"]!.AsArray().Single(i => (string?)i!["metadata"]!["name"] == TestCrds.Group)!;
        Assert.Equal(["v1", "v1beta1"], group["versions"]!.AsArray().Select(v => (string?)v!["version"]));
        var widgets = group["versions"]![0]!["resources"]!.AsArray().Single()!;
        Assert.Equal("Namespaced", (string?)widgets["scope"]);
        Assert.Equal("status", (string?)widgets["subresources"]![0]!["subresource"]);
        var core = await RawHttp.GetAsync(h.Server, "/api", Accept);
        Assert.Single(core.Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task Tables_render_crd_printer_columns_with_priorities_and_ages()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var w = Objects.Widget("w", 4);
        w["spec"]!["owner"] = "team-a";
        var created = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(w, TestCrds.Group, "v1", "default", TestCrds.Plural));
        created["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) };
        await h.Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, TestCrds.Group, "v1", "default", TestCrds.Plural, "w");

        var table = (await RawHttp.GetAsync(h.Server, "/apis/test.keel.dev/v1/namespaces/default/widgets", TableAccept)).Json!;
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal(["Name", "Size", "Color", "Ready", "Owner", "Age"], table["columnDefinitions"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal(1, (int?)table["columnDefinitions"]![4]!["priority"]);
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("w", (string?)cells[0]);
        Assert.Equal(4, (int?)cells[1]);
        Assert.Equal("True", (string?)cells[3]);
        Assert.Equal("team-a", (string?)cells[4]);
        Assert.Matches("^[0-9]+s$", (string?)cells[5]);
        Assert.Equal("PartialObjectMetadata", (string?)table["rows"]![0]!["object"]!["kind"]);
    }

    [Fact]
    public async Task Tables_of_built_in_kinds_use_their_printer_columns()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web", 2), "default");
        var table = (await RawHttp.GetAsync(h.Server, "/apis/apps/v1/namespaces/default/deployments", TableAccept)).Json!;
        Assert.Equal(["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"],
            table["columnDefinitions"]!.AsArray().Select(c => (string?)c!["name"]));
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("0/2", (string?)cells[1]);
        Assert.Equal("nginx", (string?)cells[6]);
    }

    [Fact]
    public async Task OpenApi_v3_lists_group_versions_and_serves_crd_schemas_with_field_validation_on_patch()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var index = (await RawHttp.GetAsync(h.Server, "/openapi/v3")).Json!;
        var url = (string?)index["paths"]!["apis/test.keel.dev/v1"]!["serverRelativeURL"];
        Assert.StartsWith("/openapi/v3/apis/test.keel.dev/v1?hash=", url);
        var document = (await RawHttp.GetAsync(h.Server, url!)).Json!;
        var schema = document["components"]!["schemas"]!["dev.keel.test.v1.Widget"]!;
        Assert.Equal("How big.", (string?)schema["properties"]!["spec"]!["properties"]!["size"]!["description"]);
        var patch = document["paths"]!["/apis/test.keel.dev/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation");
        Assert.Equal("Widget", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
    }

    [Fact]
    public async Task Unknown_paths_and_resources_are_404()
    {
        await using var h = await ApiServerHarness.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await RawHttp.GetAsync(h.Server, "/apis/nope.example.com/v1/things")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await RawHttp.GetAsync(h.Server, "/nothing-here")).Status);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/namespaces/default/configmaps")]
    [InlineData("PATCH", "/api/v1/namespaces/default/configmaps")]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps/settings")]
    public async Task Methods_a_path_does_not_serve_are_405(string method, string path)
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.SendAsync(h.Server, new HttpMethod(method), path, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"}}""",
            method == "PATCH" ? "application/merge-patch+json" : "application/json");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, raw.Status);
        Assert.Equal("MethodNotAllowed", (string?)raw.Json!["reason"]);
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }
}
