using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// <c>helm template</c> of charts/modelservice-operator with Helm 4 from .tools/bin (build/install-tools.sh; build/test.sh
/// runs it), in the release and namespace of build/check-chart.sh, with its own home so runs share no cache.
/// </summary>
internal static class HelmChart
{
    public const string Release = "modelservice-operator";
    public const string Namespace = "modelservice-system";

    /// <summary>The objects the chart renders with <paramref name="valuesYaml"/> over its defaults.</summary>
    public static async Task<DeployManifests> RenderAsync(string valuesYaml)
    {
        var rendered = (await TemplateAsync(valuesYaml)).EnsureSuccess("helm template");
        return DeployManifests.FromObjects(KeelYaml.ParseAll(rendered.Stdout, "helm template").Select(d => d.Root).OfType<JsonObject>());
    }

    /// <summary><c>helm template</c> with <paramref name="valuesYaml"/> over the defaults, whether it renders or not.</summary>
    public static async Task<ToolResult> TemplateAsync(string valuesYaml)
    {
        var helm = Repository.Path(".tools", "bin", "helm");
        if (!File.Exists(helm))
        {
            throw new InvalidOperationException($"Helm 4 is not installed at {helm}: run build/install-tools.sh (build/test.sh does).");
        }

        var home = Directory.CreateTempSubdirectory("keel-helm-").FullName;
        try
        {
            var values = Path.Combine(home, "values.yaml");
            await File.WriteAllTextAsync(values, valuesYaml);
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["HELM_CACHE_HOME"] = Path.Combine(home, "cache"),
                ["HELM_CONFIG_HOME"] = Path.Combine(home, "config"),
                ["HELM_DATA_HOME"] = Path.Combine(home, "data"),
            };
            return await ToolProcess.RunAsync(
                helm,
                ["template", Release, Path.Combine("charts", "modelservice-operator"), "--namespace", Namespace, "--values", values],
                environment,
                Repository.Root);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
