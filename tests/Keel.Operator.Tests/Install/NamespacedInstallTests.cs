using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// The namespace-restricted installation (docs/user-guide/install.md): deploy/ with the RBAC of
/// <c>modelservice rbac --namespace team-a</c> instead of the ClusterRole, and the operator run with
/// <c>--namespace=team-a</c>. It must converge holding no cluster-wide permission at all.
/// </summary>
public sealed class NamespacedInstallTests : IAsyncLifetime
{
    private const string Watched = "team-a";
    private readonly DeployManifests _deploy = DeployManifests.Read();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("keel-install-ns-");
    private InstallCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InstallCluster.StartAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task The_operator_watching_one_namespace_converges_under_a_role_there_and_is_never_denied()
    {
        // deploy/ with the namespaced RBAC in place of the cluster-wide one.
        var manifests = Directory.CreateDirectory(Path.Combine(_work.FullName, "deploy"));
        foreach (var file in Directory.EnumerateFiles(Repository.Path("deploy"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(manifests.FullName, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(manifests.FullName, "20-rbac.yaml"), await RbacCommandRun.RunAsync("--namespace", Watched));
        await _cluster.CreateNamespaceAsync(Watched);
        (await _cluster.ApplyAsync(manifests.FullName)).EnsureSuccess("apply the namespaced installation");
        Assert.Null(await _cluster.GetAsync<V1ClusterRoleBinding>(null!, "modelservice-operator"));
        await _cluster.InstallGatewayCrdsAsync();

        // The preset lives in the watched namespace: the operator's caches see nothing else.
        await _cluster.CreateAsync(Repository.Read("samples", "pd-disaggregation", "preset-baseconfig.yaml"), Watched);
        await _cluster.CreateAsync(Repository.Read("samples", "pd-disaggregation", "modelservice.yaml"), Watched);

        var kubeconfig = await _cluster.WriteServiceAccountKubeconfigAsync(_deploy.Namespace, _deploy.ServiceAccountName, _work.FullName);
        await using var run = OperatorRun.Start(_deploy, kubeconfig, $"--namespace={Watched}");
        var user = InstallCluster.ServiceAccountUser(_deploy.Namespace, _deploy.ServiceAccountName);
        try
        {
            await _cluster.WaitForConditionAsync(Watched, "llama-pd", ModelServiceConditions.Ready, "True");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{run.Error}\ndenied: {string.Join(", ", _cluster.Denied(user).Take(10).Select(r => $"{r.Verb} {r.Resource} {r.Namespace}"))}", e);
        }

        Assert.NotNull(await _cluster.GetAsync<V1RoleBinding>(Watched, "llama-pd-epp-rolebinding"));
        Assert.Equal(0, await run.StopAsync());

        var requests = _cluster.RequestsBy(user);
        Assert.NotEmpty(requests);
        Assert.All(requests.Where(r => r.Group.Length > 0 || r.Resource.Length > 0 && !r.Resource.StartsWith('/')),
            r => Assert.True(r.Namespace is Watched || (r.Resource == "leases" && r.Namespace == _deploy.Namespace),
                $"{r.Verb} {r.Group}/{r.Resource} in '{r.Namespace}': a namespaced operator asks only in its namespace (and for its Lease)"));
        Assert.Empty(_cluster.Denied(user));
    }
}
