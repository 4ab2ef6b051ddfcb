using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using k8s;
using k8s.Models;
using Keel.ApiServer.Hosting;

namespace Keel.ApiServer.LoadTest;

/// <summary>
/// A bounded loopback load test of the local API server:
/// 1. sustained writes: <c>writers</c> KubernetesClient instances create and update ConfigMaps for <c>seconds</c>;
/// 2. watch fan-out: <c>watchers</c> raw HTTP watch streams on one namespace while one writer makes
///    <c>events</c> changes; reports events delivered per second across all watchers.
/// Arguments: <c>--seconds 10 --writers 8 --watchers 50 --events 2000</c>.
/// </summary>
internal static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arg(args, "--seconds", 10);
        var writers = Arg(args, "--writers", 8);
        var watchers = Arg(args, "--watchers", 50);
        var events = Arg(args, "--events", 2000);

        await using var server = await LocalApiServer.StartAsync(new LocalApiServerOptions { WatchBufferSize = events + 100 }, CancellationToken.None);
        Console.WriteLine($"Keel local API server load test on {server.BaseAddress} ({Environment.ProcessorCount} cores)");

        var writeRate = await SustainedWritesAsync(server, writers, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"sustained writes: {writeRate:F0} writes/s ({writers} concurrent clients, {seconds}s, create+update of ConfigMaps)");

        var (delivered, elapsed) = await WatchFanOutAsync(server, watchers, events);
        Console.WriteLine($"watch fan-out: {delivered / elapsed.TotalSeconds:F0} events/s delivered to {watchers} watchers " +
                          $"({delivered} events in {elapsed.TotalSeconds:F2}s; {events} changes at {events / elapsed.TotalSeconds:F0} changes/s)");
        return 0;
    }

    private static async Task<double> SustainedWritesAsync(LocalApiServer server, int writers, TimeSpan duration)
    {
        var clients = Enumerable.Range(0, writers).Select(_ => Client(server)).ToList();
        long writes = 0;
        var stop = DateTime.UtcNow + duration;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, w) => Task.Run(async () =>
        {
            for (var i = 0; DateTime.UtcNow < stop; i++)
            {
                var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta { Name = $"w{w}-{i}" },
                    Data = new Dictionary<string, string> { ["n"] = "0" },
                }, "default");
                cm.Data["n"] = "1";
                await client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, cm.Metadata.Name, "default");
                Interlocked.Add(ref writes, 2);
            }
        })));
        stopwatch.Stop();
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return writes / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(long Delivered, TimeSpan Elapsed)> WatchFanOutAsync(LocalApiServer server, int watchers, int events)
    {
        using var client = Client(server);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "fanout" } });
        var start = server.Core.Store.CurrentResourceVersion;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminToken);
        long delivered = 0;
        var streams = Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
        {
            var url = new Uri(server.BaseAddress, $"api/v1/namespaces/fanout/configmaps?watch=true&resourceVersion={start}");
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            for (var seen = 0; seen < events && await reader.ReadLineAsync() is { } line; seen++)
            {
                Interlocked.Increment(ref delivered);
            }
        })).ToList();
        while (server.Core.Store.WatcherCount(new Resources.GroupResource("", "configmaps")) < watchers)
        {
            await Task.Delay(10);
        }

        // Several producers, so the fan-out (not one client's round trips) is what limits delivery.
        const int Producers = 4;
        var producers = Enumerable.Range(0, Producers).Select(_ => Client(server)).ToList();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(producers.Select((producer, p) => Task.Run(async () =>
        {
            var share = events / Producers + (p < events % Producers ? 1 : 0);
            var cm = await producer.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"hot-{p}" },
                Data = new Dictionary<string, string> { ["n"] = "0" },
            }, "fanout");
            for (var i = 1; i < share; i++)
            {
                cm.Data["n"] = i.ToString(CultureInfo.InvariantCulture);
                cm = await producer.CoreV1.ReplaceNamespacedConfigMapAsync(cm, cm.Metadata.Name, "fanout");
            }
        })));

        await Task.WhenAll(streams);
        stopwatch.Stop();
        foreach (var producer in producers)
        {
            producer.Dispose();
        }

        return (delivered, stopwatch.Elapsed);
    }

    private static Kubernetes Client(LocalApiServer server) =>
        new(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString().TrimEnd('/'), AccessToken = server.AdminToken });

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
