using System.Text;
using k8s;
using Keel.ApiServer.Hosting;

namespace Keel.ApiServer.Tests.Infrastructure;

/// <summary>A server on 127.0.0.1:0 and a real KubernetesClient pointed at it, torn down with the test.</summary>
public sealed class ApiServerHarness : IAsyncDisposable
{
    private ApiServerHarness(LocalApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
    }

    public LocalApiServer Server { get; }

    public Kubernetes Client { get; }

    public static async Task<ApiServerHarness> StartAsync(Action<LocalApiServerOptions>? configure = null)
    {
        var options = new LocalApiServerOptions();
        configure?.Invoke(options);
        var server = await LocalApiServer.StartAsync(options, CancellationToken.None);
        return new ApiServerHarness(server, ClientFor(server, server.AdminToken));
    }

    public static Kubernetes ClientFor(LocalApiServer server, string? token)
    {
        var config = new KubernetesClientConfiguration { Host = server.BaseAddress.ToString().TrimEnd('/'), AccessToken = token };
        return new Kubernetes(config);
    }

    public Kubernetes ClientWithKubeconfig(string kubeconfig)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
