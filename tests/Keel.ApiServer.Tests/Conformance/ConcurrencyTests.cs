using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_writers_produce_one_ordered_gapless_event_stream_for_every_watcher()
    {
        await using var h = await ApiServerHarness.StartAsync();
        const int Writers = 4, Updates = 40, Watchers = 5;
        var start = h.Server.Core.Store.CurrentResourceVersion;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", h.Server.AdminToken);
        const int Expected = Writers * Updates;
        var streams = Enumerable.Range(0, Watchers).Select(_ => Task.Run(async () =>
        {
            var url = new Uri(h.Server.BaseAddress, $"api/v1/namespaces/default/configmaps?watch=true&resourceVersion={start}");
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var versions = new List<long>();
            while (versions.Count < Expected && await reader.ReadLineAsync() is { } line)
            {
                var e = JsonNode.Parse(line)!;
                versions.Add(long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture));
            }

            return versions;
        })).ToList();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var cm = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"c{w}"), "default");
            for (var i = 1; i < Updates; i++)
            {
                cm.Data["k"] = i.ToString(CultureInfo.InvariantCulture);
                cm = await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, cm.Metadata.Name, "default");
            }
        })));

        var end = h.Server.Core.Store.CurrentResourceVersion;
        foreach (var versions in await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            // Every commit in between was a configmap write in "default": the stream is exactly start+1..end.
            Assert.Equal(Enumerable.Range(0, Expected).Select(i => start + 1 + i), versions);
            Assert.Equal(end, versions[^1]);
        }
    }

    [Fact]
    public async Task Partial_object_metadata_lists_carry_only_metadata()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", data: new() { ["secret"] = "x" }), "default");
        var raw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps",
            "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json");
        Assert.Equal("PartialObjectMetadataList", (string?)raw.Json!["kind"]);
        var item = raw.Json!["items"]![0]!;
        Assert.Equal("a", (string?)item["metadata"]!["name"]);
        Assert.Null(item["data"]);
    }
}
