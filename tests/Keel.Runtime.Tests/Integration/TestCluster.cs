using System.Text;
using k8s;
using Keel.ApiServer.Hosting;
using Keel.Runtime.Client;
using Keel.Runtime.Metrics;

namespace Keel.Runtime.Tests.Integration;

/// <summary>A local API server on 127.0.0.1:0 and a KubernetesClient pointed at it through a kubeconfig.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(LocalApiServer server) => Server = server;

    public LocalApiServer Server { get; }

    public static async Task<TestCluster> StartAsync(Action<LocalApiServerOptions>? configure = null)
    {
        var options = new LocalApiServerOptions { Port = 0 };
        configure?.Invoke(options);
        return new TestCluster(await LocalApiServer.StartAsync(options, CancellationToken.None));
    }

    /// <summary>A client as an operator would build it (optionally counting requests in <paramref name="metrics"/>).</summary>
    public Kubernetes NewClient(RuntimeMetrics? metrics = null)
    {
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(Server.CreateKubeconfig()));
        return KubeClients.Create(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig), metrics);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
