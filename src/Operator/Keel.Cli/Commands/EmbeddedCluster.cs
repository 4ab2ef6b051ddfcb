using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Hosting;
using Keel.Model.Serialization;
using Keel.Model.Topology;
using Keel.Runtime.Client;
using Keel.Runtime.Metrics;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>
/// The cluster of <c>modelservice run --embedded</c>: the local API server in this process on 127.0.0.1, with the
/// project's CRDs and the upstream ones the operator writes, the samples applied, and the workload simulation on (no
/// pods run here, so Deployments are reported ready after a short delay and ModelServices reach Ready).
/// </summary>
internal sealed class EmbeddedCluster : IAsyncDisposable
{
    /// <summary>The upstream CRDs (src/Crds/upstream) whose kinds the operator writes.</summary>
    private static readonly string[] UpstreamCrds =
    [
        "inferencepools.inference.networking.k8s.io.yaml",
        "inferencepools.inference.networking.x-k8s.io.yaml",
        "inferenceobjectives.llm-d.ai.yaml",
        "inferencemodels.inference.networking.x-k8s.io.yaml",
        "httproutes.gateway.networking.k8s.io.yaml",
    ];

    /// <summary>The sample scenarios, in the order they are applied and printed.</summary>
    public static readonly string[] Scenarios = ["single-node-hf", "pvc-tensor-parallel", "oci-legacy-preset", "pd-disaggregation"];

    private EmbeddedCluster(LocalApiServer server)
    {
        Server = server;
        Admin = Client(server.CreateKubeconfig());
    }

    public LocalApiServer Server { get; }

    /// <summary>A client with the admin token (what kubectl gets).</summary>
    public Kubernetes Admin { get; }

    public static async Task<EmbeddedCluster> StartAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var server = await LocalApiServer.StartAsync(new LocalApiServerOptions
        {
            SimulateWorkloads = true,
            WorkloadReadyDelay = TimeSpan.FromSeconds(1),
            LoggerFactory = loggers,
        }, cancellationToken).ConfigureAwait(false);
        return new EmbeddedCluster(server);
    }

    /// <summary>A client for the operator, with its own service-account identity (so the request log tells it apart).</summary>
    public Kubernetes OperatorClient(RuntimeMetrics metrics) =>
        Client(Server.CreateKubeconfig(UserInfo.ServiceAccount("modelservice-system", "modelservice-operator")), metrics);

    /// <summary>Installs the CRDs from <c>src/Crds</c> when the repository is at hand, else the ones compiled into the program.</summary>
    public async Task<IReadOnlyList<string>> InstallCrdsAsync(CancellationToken cancellationToken)
    {
        var installed = new List<string>();
        if (RepositoryFiles.Find(Path.Combine("src", "Crds")) is { } folder)
        {
            var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
                .Concat(UpstreamCrds.Select(f => Path.Combine(folder, "upstream", f)).Where(File.Exists));
            foreach (var file in files)
            {
                await Server.InstallCrdAsync(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                installed.Add(Path.GetFileNameWithoutExtension(file));
            }

            return installed;
        }

        foreach (var crd in CrdCatalog.All)
        {
            await Server.InstallCrdAsync(crd.Json, cancellationToken).ConfigureAwait(false);
            installed.Add(crd.Name);
        }

        return installed;
    }

    /// <summary>
    /// Applies every scenario under <paramref name="samples"/> (server-side apply as <c>kubectl apply --server-side</c>
    /// would): the ConfigMap preset, the BaseConfig preset where there is one, then the ModelService. Returns the
    /// ModelServices applied.
    /// </summary>
    public async Task<IReadOnlyList<ObjectKey>> ApplySamplesAsync(string samples, string @namespace, TextWriter error, CancellationToken cancellationToken)
    {
        var modelServices = new List<ObjectKey>();
        foreach (var scenario in Scenarios)
        {
            foreach (var file in new[] { "preset-configmap.yaml", "preset-baseconfig.yaml", "modelservice.yaml" })
            {
                var path = Path.Combine(samples, scenario, file);
                if (!File.Exists(path))
                {
                    continue;
                }

                foreach (var document in KeelYaml.ParseAll(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path))
                {
                    if (document.Root is not JsonObject manifest)
                    {
                        continue;
                    }

                    try
                    {
                        var key = await ApplyAsync(manifest, @namespace, cancellationToken).ConfigureAwait(false);
                        if (manifest["kind"]?.GetValue<string>() == "ModelService")
                        {
                            modelServices.Add(key);
                        }
                    }
                    catch (k8s.Autorest.HttpOperationException e)
                    {
                        await error.WriteLineAsync($"modelservice run: {path} was refused: {ApiErrors.Describe(e)}").ConfigureAwait(false);
                    }
                }
            }
        }

        return modelServices;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<ObjectKey> ApplyAsync(JsonObject manifest, string @namespace, CancellationToken cancellationToken)
    {
        var apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? string.Empty;
        var kind = manifest["kind"]?.GetValue<string>() ?? string.Empty;
        var name = manifest["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        await Admin.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            group, version, @namespace, ResourceRegistry.DefaultPlural(kind), name, fieldManager: "kubectl", force: true,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ObjectKey(@namespace, name);
    }

    private static Kubernetes Client(string kubeconfig, RuntimeMetrics? metrics = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        return KubeClients.Create(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream), metrics);
    }
}
