using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Hosting;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Runtime.Client;
using Keel.Runtime.Metrics;
using Keel.Runtime.Resources;

namespace Keel.Operator.Tests.Support;

/// <summary>
/// A local API server on 127.0.0.1:0 with the project's CRDs and the upstream ones installed, and a KubernetesClient
/// (as a person with kubectl would use it) for setting up and checking objects.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>Our CRDs, then the upstream CRDs the operator writes to.</summary>
    public static readonly string[] OurCrds = ["modelservices.llm-d.ai.yaml", "baseconfigs.llm-d.ai.yaml"];

    public static readonly string[] UpstreamCrds =
    [
        "inferencepools.inference.networking.k8s.io.yaml",
        "inferencepools.inference.networking.x-k8s.io.yaml",
        "inferenceobjectives.llm-d.ai.yaml",
        "inferencemodels.inference.networking.x-k8s.io.yaml",
        "httproutes.gateway.networking.k8s.io.yaml",
    ];

    private TestCluster(LocalApiServer server)
    {
        Server = server;
        Client = NewClient();
    }

    public LocalApiServer Server { get; }

    /// <summary>The client tests use for setup and checks ("the user").</summary>
    public Kubernetes Client { get; }

    public static async Task<TestCluster> StartAsync(bool simulateWorkloads = true, bool upstreamCrds = true, Action<LocalApiServerOptions>? configure = null)
    {
        var options = new LocalApiServerOptions { Port = 0, SimulateWorkloads = simulateWorkloads, WorkloadReadyDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        var server = await LocalApiServer.StartAsync(options, CancellationToken.None);
        var cluster = new TestCluster(server);
        foreach (var crd in OurCrds)
        {
            await server.InstallCrdAsync(Repository.Read("src", "Crds", crd));
        }

        if (upstreamCrds)
        {
            await cluster.InstallUpstreamCrdsAsync();
        }

        return cluster;
    }

    public async Task InstallUpstreamCrdsAsync(params string[] only)
    {
        foreach (var crd in only.Length > 0 ? only : UpstreamCrds)
        {
            await Server.InstallCrdAsync(Repository.Read("src", "Crds", "upstream", crd));
        }
    }

    /// <summary>A client as an operator would build it from a kubeconfig.</summary>
    public Kubernetes NewClient(RuntimeMetrics? metrics = null)
    {
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(Server.CreateKubeconfig()));
        return KubeClients.Create(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig), metrics);
    }

    public async Task CreateNamespaceAsync(string name) =>
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    /// <summary>Creates every object of a YAML file (or text) in <paramref name="namespace"/>.</summary>
    public async Task CreateAsync(string yaml, string @namespace = "default")
    {
        foreach (var document in KeelYaml.ParseAll(yaml, "test"))
        {
            if (document.Root is JsonObject manifest)
            {
                await CreateObjectAsync(manifest, @namespace);
            }
        }
    }

    /// <summary>Creates the objects of a sample file (<c>samples/&lt;folder&gt;/&lt;file&gt;</c>).</summary>
    public Task CreateSampleAsync(string folder, string file, string @namespace = "default") => CreateAsync(Repository.Read("samples", folder, file), @namespace);

    public async Task CreateObjectAsync(JsonObject manifest, string @namespace = "default")
    {
        var (group, version, plural) = Locate(manifest);
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, group, version, @namespace, plural);
    }

    /// <summary>A server-side apply as another person or tool (<paramref name="fieldManager"/>) would send it.</summary>
    public async Task ApplyAsync(JsonObject manifest, string fieldManager, string @namespace = "default", string? subresource = null)
    {
        var (group, version, plural) = Locate(manifest);
        var name = manifest["metadata"]!["name"]!.GetValue<string>();
        var patch = new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        if (subresource == "status")
        {
            await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, group, version, @namespace, plural, name, fieldManager: fieldManager, force: true);
        }
        else
        {
            await Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, group, version, @namespace, plural, name, fieldManager: fieldManager, force: true);
        }
    }

    /// <summary>A JSON merge patch by <paramref name="fieldManager"/>.</summary>
    public async Task MergePatchAsync<T>(string name, object patch, string fieldManager = "kubectl-edit", string @namespace = "default")
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var info = ResourceRegistry.Get<T>();
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch), info.Group, info.Version, @namespace, info.Plural, name, fieldManager: fieldManager);
    }

    public async Task<T?> GetAsync<T>(string name, string @namespace = "default")
        where T : class, IKubernetesObject<V1ObjectMeta>
        => await new ResourceClient<T>(Client).GetAsync(new ObjectKey(@namespace, name));

    public async Task<IReadOnlyList<T>> ListAsync<T>(string @namespace = "default")
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var page = await new ResourceClient<T>(Client).ListAsync(new Keel.Runtime.Informers.ListRequest(@namespace, null, null, null), null, CancellationToken.None);
        return page.Items;
    }

    public async Task DeleteAsync<T>(string name, string @namespace = "default")
        where T : class, IKubernetesObject<V1ObjectMeta>
        => await new ResourceClient<T>(Client).DeleteAsync(new ObjectKey(@namespace, name));

    public Task<ModelService?> ModelServiceAsync(string name, string @namespace = "default") => GetAsync<ModelService>(name, @namespace);

    /// <summary>Waits for a ModelService condition to reach <paramref name="status"/> at the current generation.</summary>
    public Task<ModelService?> WaitForConditionAsync(string name, string type, string status, string? reason = null, string @namespace = "default") =>
        Eventually.MatchesAsync(
            () => ModelServiceAsync(name, @namespace),
            ms => ms?.Status?.Conditions?.FirstOrDefault(c => c.Type == type) is { } c
                && c.Status == status && (reason is null || c.Reason == reason)
                && c.ObservedGeneration == ms.Metadata.Generation,
            $"ModelService {name}: {type}={status}{(reason is null ? "" : " " + reason)}");

    public Task<ModelService?> WaitForReadyAsync(string name, string @namespace = "default") =>
        WaitForConditionAsync(name, ModelServiceConditions.Ready, "True", null, @namespace);

    /// <summary>The Events recorded about an object.</summary>
    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string involvedName, string @namespace = "default")
    {
        var list = await Client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: $"involvedObject.name={involvedName}");
        return list.Items.ToList();
    }

    public Task<IReadOnlyList<Corev1Event>> WaitForEventAsync(string involvedName, string reason, string @namespace = "default") =>
        Eventually.MatchesAsync(() => EventsAsync(involvedName, @namespace), events => events.Any(e => e.Reason == reason), $"an Event {reason} on {involvedName}");

    public static async Task<bool> NotFoundAsync(Func<Task> action)
    {
        try
        {
            await action();
            return false;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    private static (string Group, string Version, string Plural) Locate(JsonObject manifest)
    {
        var apiVersion = manifest["apiVersion"]!.GetValue<string>();
        var kind = manifest["kind"]!.GetValue<string>();
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return (group, version, ResourceRegistry.DefaultPlural(kind));
    }
}
