using k8s;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Kubectl;

/// <summary>The project's own CRDs (src/Crds) and samples go through the real kubectl like on a cluster.</summary>
public sealed class ProjectManifestTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Server_side_apply_of_the_project_crds_and_samples_then_get_msvc_shows_the_printer_columns()
    {
        await using var h = await ApiServerHarness.StartAsync();
        using var kubectl = new Infrastructure.Kubectl(h.Server);
        var root = RepositoryRoot();
        var crds = Directory.GetFiles(Path.Combine(root, "src", "Crds"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "Crds", "upstream"), "*.yaml"))
            .Where(f => File.ReadAllText(f).Contains("kind: CustomResourceDefinition", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(crds, f => f.EndsWith("modelservices.llm-d.ai.yaml", StringComparison.Ordinal));
        foreach (var crd in crds)
        {
            var applied = (await kubectl.RunAsync("apply", "--server-side", "-f", crd)).EnsureSuccess("apply " + crd);
            Assert.Contains("serverside-applied", applied.Stdout);
        }

        foreach (var ns in new[] { "presets", "models", "gateways" })
        {
            (await kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess("create namespace " + ns);
        }

        var samples = (await kubectl.RunAsync("apply", "--server-side", "-R", "-f", Path.Combine(root, "samples"))).EnsureSuccess("apply samples");
        var sampleModelServices = Directory.GetFiles(Path.Combine(root, "samples"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split("\n---", StringSplitOptions.RemoveEmptyEntries))
            .Count(doc => doc.Contains("kind: ModelService", StringComparison.Ordinal));
        Assert.Equal(sampleModelServices, samples.Stdout.Split('\n').Count(l => l.StartsWith("modelservice.llm-d.ai/", StringComparison.Ordinal)));

        var get = (await kubectl.RunAsync("get", "msvc", "-A")).EnsureSuccess("get msvc").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAMESPACE\s+NAME\s+DECOUPLE SCALING\s+.*AGE$", get[0]);
        Assert.Equal(sampleModelServices, get.Length - 1);
        var stored = await h.Client.CustomObjects.ListClusterCustomObjectAsync("llm-d.ai", "v1alpha1", "modelservices");
        Assert.Equal(sampleModelServices, Objects.AsNode(stored)["items"]!.AsArray().Count);

        var explain = (await kubectl.RunAsync("explain", "msvc.spec")).EnsureSuccess("explain msvc.spec").Stdout;
        Assert.Contains("KIND:       ModelService", explain);
    }
}
