using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Observability;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;
using Keel.Runtime.Client;
using Keel.Runtime.Resources;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// A local API server that enforces RBAC (stored Roles, ClusterRoles and bindings, with the bind/escalate checks), a
/// cluster administrator's client and kubectl, and nothing else: no CRD, no role. What the operator may do is exactly
/// what the manifests applied here grant.
/// <para>kubectl never sends credentials to a plain-HTTP server (clientcmd loads a user's credentials only for TLS), and
/// the local server speaks HTTP, so kubectl arrives as <c>system:anonymous</c>. The installer's identity is therefore
/// the anonymous user bound to a <c>cluster-admin</c> ClusterRole (every verb on everything, as on a real cluster) —
/// an administrator who, unlike <c>system:masters</c>, still goes through RBAC and its escalation checks. Tests check
/// that the operator's own requests carry its service-account identity, so the binding never lends it anything.</para>
/// </summary>
internal sealed class InstallCluster : IAsyncDisposable
{
    private InstallCluster(LocalApiServer server)
    {
        Server = server;
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(server.CreateKubeconfig()));
        Admin = KubeClients.Create(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        Kubectl = new Kubectl(server.CreateKubeconfig());
    }

    public LocalApiServer Server { get; }

    /// <summary>A <c>system:masters</c> client: the person installing the operator.</summary>
    public Kubernetes Admin { get; }

    /// <summary>kubectl as the cluster administrator.</summary>
    public Kubectl Kubectl { get; }

    /// <summary>The user kubectl arrives as (see the class summary).</summary>
    public const string KubectlUser = "system:anonymous";

    public static async Task<InstallCluster> StartAsync()
    {
        var options = new LocalApiServerOptions { Port = 0, EnableRbac = true, SimulateWorkloads = true, WorkloadReadyDelay = TimeSpan.Zero };
        var cluster = new InstallCluster(await LocalApiServer.StartAsync(options, CancellationToken.None));
        await cluster.BindKubectlAsClusterAdminAsync();
        return cluster;
    }

    private async Task BindKubectlAsClusterAdminAsync()
    {
        await Admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "cluster-admin" },
            Rules =
            [
                new V1PolicyRule { ApiGroups = ["*"], Resources = ["*"], Verbs = ["*"] },
                new V1PolicyRule { NonResourceURLs = ["*"], Verbs = ["*"] },
            ],
        });
        await Admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "kubectl-installer" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = KubectlUser, ApiGroup = "rbac.authorization.k8s.io" }],
        });
    }

    /// <summary><c>kubectl apply --server-side -f &lt;folder&gt;</c>, as the installation guide says.</summary>
    public Task<ToolResult> ApplyAsync(string folderOrFile) => Kubectl.RunAsync("apply", "--server-side", "-f", folderOrFile);

    /// <summary>The Gateway API Inference Extension and Gateway API CRDs, as a gateway's installation brings them.</summary>
    public async Task InstallGatewayCrdsAsync()
    {
        foreach (var crd in TestCluster.UpstreamCrds)
        {
            await Server.InstallCrdAsync(Repository.Read("src", "Crds", "upstream", crd));
        }
    }

    /// <summary>A kubeconfig file authenticating as a service account (the operator's identity in a pod).</summary>
    public async Task<string> WriteServiceAccountKubeconfigAsync(string ns, string name, string directory)
    {
        var path = Path.Combine(directory, $"{ns}-{name}.kubeconfig");
        await Server.WriteKubeconfigAsync(path, UserInfo.ServiceAccount(ns, name));
        return path;
    }

    public static string ServiceAccountUser(string ns, string name) => UserInfo.ServiceAccount(ns, name).Name;

    /// <summary>The stored object a manifest names, or null.</summary>
    public async Task<JsonObject?> GetAsync(JsonObject manifest)
    {
        var (group, version) = GroupVersion(manifest["apiVersion"]!.GetValue<string>());
        var plural = ResourceRegistry.DefaultPlural(DeployManifests.Kind(manifest));
        var name = DeployManifests.Name(manifest);
        try
        {
            var found = DeployManifests.NamespaceOf(manifest) is { } ns
                ? await Admin.CustomObjects.GetNamespacedCustomObjectAsync(group, version, ns, plural, name)
                : await Admin.CustomObjects.GetClusterCustomObjectAsync(group, version, plural, name);
            return JsonSerializerNode(found);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the objects of a YAML text in <paramref name="ns"/> (after <paramref name="edit"/>), as the administrator.</summary>
    public async Task CreateAsync(string yaml, string ns, Action<JsonObject>? edit = null)
    {
        foreach (var manifest in KeelYaml.ParseAll(yaml, "test").Select(d => d.Root).OfType<JsonObject>())
        {
            manifest["metadata"]!["namespace"] = ns;
            edit?.Invoke(manifest);
            var (group, version) = GroupVersion(manifest["apiVersion"]!.GetValue<string>());
            await Admin.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, group, version, ns, ResourceRegistry.DefaultPlural(DeployManifests.Kind(manifest)));
        }
    }

    public async Task CreateNamespaceAsync(string name) =>
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    public async Task<T?> GetAsync<T>(string ns, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
        => await new ResourceClient<T>(Admin).GetAsync(new ObjectKey(ns, name));

    public async Task<IReadOnlyList<T>> ListAsync<T>(string ns)
        where T : class, IKubernetesObject<V1ObjectMeta>
        => (await new ResourceClient<T>(Admin).ListAsync(new Keel.Runtime.Informers.ListRequest(ns, null, null, null), null, CancellationToken.None)).Items;

    /// <summary>Waits for a ModelService condition at the ModelService's current generation.</summary>
    public Task<ModelService?> WaitForConditionAsync(string ns, string name, string type, string status, string? reason = null) =>
        Eventually.MatchesAsync(
            () => GetAsync<ModelService>(ns, name),
            ms => ms?.Status?.Conditions?.FirstOrDefault(c => c.Type == type) is { } c
                && c.Status == status && (reason is null || c.Reason == reason) && c.ObservedGeneration == ms.Metadata.Generation,
            $"ModelService {ns}/{name}: {type}={status}{(reason is null ? "" : " " + reason)}");

    /// <summary>Requests the server answered 403 Forbidden to <paramref name="user"/>.</summary>
    public IReadOnlyList<RecordedRequest> Denied(string user) =>
        [.. Server.Requests.All.Where(r => r.User == user && r.StatusCode == (int)HttpStatusCode.Forbidden)];

    public IReadOnlyList<RecordedRequest> RequestsBy(string user) => [.. Server.Requests.All.Where(r => r.User == user)];

    public async ValueTask DisposeAsync()
    {
        Kubectl.Dispose();
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    private static (string Group, string Version) GroupVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static JsonObject JsonSerializerNode(object found) =>
        found as JsonObject ?? (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(found))!;
}
