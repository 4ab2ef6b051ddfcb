using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class ListAndWatchTests
{
    private static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    private static async Task SeedAsync(ApiServerHarness h)
    {
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", Labels("app=web", "tier=front")), "default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b", Labels("app=web", "tier=back")), "default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c", Labels("app=db")), "default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("d"), "kube-system");
    }

    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web,tier!=front", "b")]
    [InlineData("app in (web,db),tier notin (back)", "a,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector);
        Assert.Equal(expected, string.Join(",", list.Items.Select(i => i.Metadata.Name)));
    }

    [Fact]
    public async Task Field_selectors_filter_by_name_and_namespace_and_reject_unknown_fields()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var byName = await h.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.name=d");
        Assert.Equal("kube-system", Assert.Single(byName.Items).Metadata.NamespaceProperty);
        var notDefault = await h.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.namespace!=default");
        Assert.Equal(["d"], notDefault.Items.Select(i => i.Metadata.Name));
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "data.k=v"));
        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("field label not supported: data.k", error.Response.Content);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_consistent_snapshot()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var first = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2);
        Assert.Equal(["a", "b"], first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(1, first.Metadata.RemainingItemCount);
        // Changes after the first page do not show up in later pages.
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("e"), "default");
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("c", "default");
        var second = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty);
        Assert.Equal(["c"], second.Items.Select(i => i.Metadata.Name));
        Assert.Null(second.Metadata.ContinueProperty);
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task An_expired_continue_token_is_410_with_a_fresh_token()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EventHistoryLimit = 3);
        await SeedAsync(h);
        var first = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1);
        for (var i = 0; i < 5; i++)
        {
            await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"x{i}"), "kube-public");
        }

        var raw = await RawHttp.GetAsync(h.Server, $"/api/v1/namespaces/default/configmaps?limit=1&continue={first.Metadata.ContinueProperty}");
        Assert.Equal(HttpStatusCode.Gone, raw.Status);
        Assert.Equal("Expired", (string?)raw.Json!["reason"]);
        Assert.False(string.IsNullOrEmpty((string?)raw.Json!["metadata"]!["continue"]));
    }

    [Fact]
    public async Task Exact_resource_version_lists_show_the_past()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var then = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        var b = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("b", "default");
        b.Data["k"] = "changed";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(b, "b", "default");
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default");
        var past = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", resourceVersion: then.Metadata.ResourceVersion, resourceVersionMatch: "Exact");
        Assert.Equal(["a", "b", "c"], past.Items.Select(i => i.Metadata.Name));
        Assert.Equal("v", past.Items[1].Data["k"]);
        var tooNew = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?resourceVersion=999999&resourceVersionMatch=Exact");
        Assert.Equal(HttpStatusCode.GatewayTimeout, tooNew.Status);
        Assert.Equal("ResourceVersionTooLarge", (string?)tooNew.Json!["details"]!["causes"]![0]!["reason"]);
    }

    [Fact]
    public async Task Watch_from_a_resource_version_delivers_every_later_change_in_order()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var events = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        using var watcher = h.Client.CoreV1.WatchListNamespacedConfigMap("default", resourceVersion: list.Metadata.ResourceVersion, onEvent: (t, o) => events.Writer.TryWrite((t, o)));
        var created = await events.Reader.ReadAsync();
        Assert.Equal((WatchEventType.Added, "a"), (created.Item1, created.Item2.Metadata.Name));
        var a = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        a.Data["k"] = "2";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(a, "a", "default");
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default");
        var modified = await events.Reader.ReadAsync();
        var deleted = await events.Reader.ReadAsync();
        Assert.Equal(WatchEventType.Modified, modified.Item1);
        Assert.Equal("2", modified.Item2.Data["k"]);
        Assert.Equal(WatchEventType.Deleted, deleted.Item1);
        Assert.True(long.Parse(deleted.Item2.Metadata.ResourceVersion) > long.Parse(modified.Item2.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Watch_without_a_resource_version_starts_with_the_current_state()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var events = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        using var watcher = h.Client.CoreV1.WatchListNamespacedConfigMap("default", labelSelector: "app=web", onEvent: (t, o) => events.Writer.TryWrite((t, o)));
        var names = new[] { (await events.Reader.ReadAsync()).Item2.Metadata.Name, (await events.Reader.ReadAsync()).Item2.Metadata.Name };
        Assert.Equal(["a", "b"], names);
    }

    [Fact]
    public async Task Objects_entering_and_leaving_a_selector_are_added_and_deleted_for_the_watcher()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        var events = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        using var watcher = h.Client.CoreV1.WatchListNamespacedConfigMap("default", labelSelector: "app=db", resourceVersion: list.Metadata.ResourceVersion, onEvent: (t, o) => events.Writer.TryWrite((t, o)));
        var a = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        a.Metadata.Labels["app"] = "db";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(a, "a", "default");
        var c = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("c", "default");
        c.Metadata.Labels["app"] = "web";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(c, "c", "default");
        Assert.Equal((WatchEventType.Added, "a"), Map(await events.Reader.ReadAsync()));
        Assert.Equal((WatchEventType.Deleted, "c"), Map(await events.Reader.ReadAsync()));
    }

    [Fact]
    public async Task Watch_from_a_compacted_resource_version_gets_an_error_event_with_410()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EventHistoryLimit = 2);
        await SeedAsync(h);
        var raw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1");
        Assert.Equal(HttpStatusCode.OK, raw.Status);
        var line = System.Text.Json.Nodes.JsonNode.Parse(raw.Text.Split('\n')[0])!;
        Assert.Equal("ERROR", (string?)line["type"]);
        Assert.Equal(410, (int?)line["object"]!["code"]);
        Assert.Equal("Expired", (string?)line["object"]!["reason"]);
        Assert.StartsWith("too old resource version: 1 (", (string?)line["object"]!["message"]);

        var listRaw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?resourceVersion=1&resourceVersionMatch=Exact");
        Assert.Equal(HttpStatusCode.Gone, listRaw.Status);
    }

    [Fact]
    public async Task Bookmarks_arrive_periodically_and_timeoutSeconds_ends_the_stream()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.BookmarkInterval = TimeSpan.FromMilliseconds(100));
        await SeedAsync(h);
        var rv = h.Server.Core.Store.CurrentResourceVersion;
        var raw = await RawHttp.GetAsync(h.Server, $"/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion={rv}&timeoutSeconds=1");
        var lines = raw.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("BOOKMARK", (string?)l["type"]));
        Assert.Equal(rv.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)lines[0]["object"]!["metadata"]!["resourceVersion"]);
        Assert.Equal("ConfigMap", (string?)lines[0]["object"]!["kind"]);
    }

    [Fact]
    public async Task A_bookmark_shortly_before_timeoutSeconds_carries_the_latest_version_to_resume_from()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.BookmarkInterval = TimeSpan.FromHours(1));
        await SeedAsync(h);
        var rv = h.Server.Core.Store.CurrentResourceVersion;
        var watch = RawHttp.GetAsync(h.Server, $"/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion={rv}&timeoutSeconds=3");
        await Eventually.ReturnsAsync(() => Task.FromResult(h.Server.Core.Store.WatcherCount(new Resources.GroupResource("", "configmaps"))), n => n == 1, "the watch to start");
        // A change the watcher does not see (another resource) still moves the version it may resume from.
        var secret = await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");

        var lines = (await watch).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        var bookmark = Assert.Single(lines);
        Assert.Equal("BOOKMARK", (string?)bookmark["type"]);
        Assert.Equal(secret.Metadata.ResourceVersion, (string?)bookmark["object"]!["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task SendInitialEvents_ends_the_initial_state_with_an_annotated_bookmark()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await SeedAsync(h);
        var raw = await RawHttp.GetAsync(h.Server,
            "/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1");
        var lines = raw.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.Equal(["ADDED", "ADDED", "ADDED", "BOOKMARK"], lines.Take(4).Select(l => (string?)l["type"]));
        Assert.Equal("true", (string?)lines[3]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]);
    }

    [Fact]
    public async Task A_watcher_that_falls_too_far_behind_is_closed_instead_of_buffering_forever()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.WatchBufferSize = 2);
        var (_, subscription) = h.Server.Core.Store.Watch(new Resources.GroupResource("", "configmaps"), null, null, false, 2);
        for (var i = 0; i < 5; i++)
        {
            await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"c{i}"), "default");
        }

        Assert.Equal(Storage.WatchCloseReason.Overflow, subscription!.CloseReason);
        Assert.Equal(0, h.Server.Core.Store.WatcherCount(new Resources.GroupResource("", "configmaps")));
    }

    private static (WatchEventType, string) Map((WatchEventType Type, V1ConfigMap Object) e) => (e.Type, e.Object.Metadata.Name);
}
