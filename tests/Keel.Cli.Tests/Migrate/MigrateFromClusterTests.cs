using k8s;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Hosting;
using Keel.Cli.Commands;
using Keel.Model.Serialization;
using static Keel.Cli.Tests.Migrate.MigrateRunner;

namespace Keel.Cli.Tests.Migrate;

/// <summary>
/// `migrate --from-cluster NAMESPACE/NAME` against the local API server (127.0.0.1, an ephemeral port): the ConfigMap
/// is read through a kubeconfig, the output names it and its resourceVersion, and every failure (not found,
/// forbidden, unreachable, a bad kubeconfig or reference) is one line and exit code 1.
/// </summary>
public sealed class MigrateFromClusterTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("keel-migrate-cluster-").FullName;
    private LocalApiServer server = null!;
    private string kubeconfig = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalApiServerOptions { EnableRbac = true };
        options.InitialNamespaces.Add("presets");
        server = await LocalApiServer.StartAsync(options, CancellationToken.None);
        kubeconfig = Path.Combine(directory, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<V1ConfigMap> CreateSamplePreset(string sample)
    {
        var configMap = KeelYaml.Deserialize<V1ConfigMap>(await File.ReadAllTextAsync(Sample(sample, "preset-configmap.yaml")));
        configMap.Metadata.NamespaceProperty = "presets";
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        return await client.CoreV1.CreateNamespacedConfigMapAsync(configMap, "presets");
    }

    [Fact]
    public async Task Reads_the_ConfigMap_and_names_it_with_its_resourceVersion()
    {
        var created = await CreateSamplePreset("pd-disaggregation");
        var (exit, stdout, stderr) = await Run("--from-cluster", "presets/preset-pd-nixl", "--kubeconfig", kubeconfig, "--check", Sample("pd-disaggregation", "modelservice.yaml"));
        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"# Migrated by `modelservice migrate` from configmap/presets/preset-pd-nixl (resourceVersion {created.Metadata.ResourceVersion}).\n", stdout, StringComparison.Ordinal);
        var baseConfig = Assert.IsType<Keel.Model.Api.BaseConfig>(KeelYaml.LoadAll(stdout).Single());
        Assert.Equal(("preset-pd-nixl", "presets"), (baseConfig.Metadata.Name, baseConfig.Metadata.NamespaceProperty));
        Assert.Equal("configmap/presets/preset-pd-nixl", baseConfig.Metadata.Annotations["llm-d.ai/migrated-from"]);
        Assert.Equal(created.Metadata.ResourceVersion, baseConfig.Metadata.Annotations["llm-d.ai/migrated-from-resource-version"]);

        // The same BaseConfig as from the file, apart from where it came from.
        var (_, fromFile, _) = await Run("-b", Sample("pd-disaggregation", "preset-configmap.yaml"));
        var fileConfig = Assert.IsType<Keel.Model.Api.BaseConfig>(KeelYaml.LoadAll(fromFile).Single());
        Assert.Equal(KeelJson.Serialize(fileConfig.Spec), KeelJson.Serialize(baseConfig.Spec));
        Assert.Contains("--pool-api v1alpha2: 11 children identical", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kubeconfig_is_found_as_kubectl_finds_it()
    {
        Assert.Equal("/a/config", MigrateSource.KubeconfigPath("/a/config", "/env/config"));
        Assert.Equal("/first", MigrateSource.KubeconfigPath(null, "/first" + Path.PathSeparator + "/second"));
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config"), MigrateSource.KubeconfigPath(null, null));
    }

    [Fact]
    public async Task A_missing_ConfigMap_is_one_line()
    {
        var (exit, stdout, stderr) = await Run("--from-cluster", "presets/nope", "--kubeconfig", kubeconfig);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"modelservice migrate: error: ConfigMap presets/nope not found in the cluster at {server.BaseAddress.GetLeftPart(UriPartial.Authority)}\n", stderr);
    }

    [Fact]
    public async Task A_user_without_read_access_is_told_so()
    {
        await CreateSamplePreset("single-node-hf");
        var restricted = Path.Combine(directory, "restricted");
        await server.WriteKubeconfigAsync(restricted, UserInfo.User("jane"));
        var (exit, _, stderr) = await Run("--from-cluster", "presets/preset-single-node", "--kubeconfig", restricted);
        Assert.Equal(1, exit);
        Assert.StartsWith($"modelservice migrate: error: not allowed to read ConfigMap presets/preset-single-node at {server.BaseAddress.GetLeftPart(UriPartial.Authority)} (403 Forbidden): ", stderr, StringComparison.Ordinal);
        Assert.EndsWith("(403 Forbidden): configmaps \"preset-single-node\" is forbidden: User \"jane\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"presets\"\n", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInvocations() => new()
    {
        { ["--from-cluster", "preset-only"], "modelservice migrate: error: --from-cluster wants NAMESPACE/NAME (for example presets/pd-nixl), not \"preset-only\"\n" },
        { ["--from-cluster", "a/b/c"], "modelservice migrate: error: --from-cluster wants NAMESPACE/NAME (for example presets/pd-nixl), not \"a/b/c\"\n" },
    };

    [Theory]
    [MemberData(nameof(BadInvocations))]
    public async Task A_bad_reference_is_one_line(string[] args, string message)
    {
        var (exit, _, stderr) = await Run([.. args, "--kubeconfig", kubeconfig]);
        Assert.Equal(1, exit);
        Assert.Equal(message, stderr);
    }

    [Fact]
    public async Task A_bad_kubeconfig_or_context_or_an_unreachable_server_is_one_line()
    {
        var (exit, _, stderr) = await Run("--from-cluster", "presets/p", "--kubeconfig", Path.Combine(directory, "missing"));
        Assert.Equal(1, exit);
        Assert.StartsWith($"modelservice migrate: error: cannot use the kubeconfig {Path.Combine(directory, "missing")}: ", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("--from-cluster", "presets/p", "--kubeconfig", kubeconfig, "--context", "prod");
        Assert.Equal(1, exit);
        Assert.StartsWith($"modelservice migrate: error: cannot use the kubeconfig {kubeconfig} (context prod): ", stderr, StringComparison.Ordinal);

        var unreachable = Path.Combine(directory, "unreachable");
        await File.WriteAllTextAsync(unreachable, Kubeconfig.Render(new Uri("http://127.0.0.1:1/"), "token"));
        (exit, _, stderr) = await Run("--from-cluster", "presets/p", "--kubeconfig", unreachable);
        Assert.Equal(1, exit);
        Assert.StartsWith("modelservice migrate: error: cannot reach the cluster at http://127.0.0.1:1", stderr, StringComparison.Ordinal);
    }
}
