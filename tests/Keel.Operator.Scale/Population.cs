using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Keel.Model.Serialization;
using Keel.Runtime.Resources;

namespace Keel.Operator.Scale;

/// <summary>
/// The objects of the scale run: namespaces <c>scale-0…</c>, each with the four sample presets (ConfigMap and BaseConfig
/// forms), and N ModelServices spread over them round-robin, cycling through the four sample scenarios with unique
/// names and model names.
/// </summary>
internal static class Population
{
    public static readonly string[] Scenarios = ["single-node-hf", "pvc-tensor-parallel", "oci-legacy-preset", "pd-disaggregation"];

    public static string Namespace(int i, int namespaces) => $"scale-{i % namespaces}";

    public static async Task<IReadOnlyList<ObjectKey>> CreateAsync(IKubernetes client, ScaleOptions options)
    {
        for (var n = 0; n < options.Namespaces; n++)
        {
            var ns = $"scale-{n}";
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }).ConfigureAwait(false);
            foreach (var scenario in Scenarios)
            {
                foreach (var file in new[] { "preset-configmap.yaml", "preset-baseconfig.yaml" })
                {
                    var path = Path.Combine(options.Repository, "samples", scenario, file);
                    if (File.Exists(path))
                    {
                        await ApplyAsync(client, Manifest(await File.ReadAllTextAsync(path).ConfigureAwait(false)), ns).ConfigureAwait(false);
                    }
                }
            }
        }

        var templates = new List<JsonObject>();
        foreach (var scenario in Scenarios)
        {
            templates.Add(Manifest(await File.ReadAllTextAsync(Path.Combine(options.Repository, "samples", scenario, "modelservice.yaml")).ConfigureAwait(false)));
        }

        var keys = new ObjectKey[options.Count];
        await Parallel.ForAsync(0, options.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var ms = (JsonObject)templates[i % templates.Count].DeepClone();
            var name = $"{ms["metadata"]!["name"]!.GetValue<string>()}-{i}";
            ms["metadata"]!["name"] = name;
            ms["spec"]!["routing"]!["modelName"] = $"{ms["spec"]!["routing"]!["modelName"]!.GetValue<string>()}-{i}";
            var ns = Namespace(i, options.Namespaces);
            await ApplyAsync(client, ms, ns, ct).ConfigureAwait(false);
            keys[i] = new ObjectKey(ns, name);
        }).ConfigureAwait(false);
        return keys;
    }

    public static JsonObject Manifest(string yaml) => (JsonObject)KeelYaml.ParseAll(yaml).First(d => d.Root is JsonObject).Root!;

    public static async Task ApplyAsync(IKubernetes client, JsonObject manifest, string ns, CancellationToken cancellationToken = default)
    {
        var apiVersion = manifest["apiVersion"]!.GetValue<string>();
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            group, version, ns, ResourceRegistry.DefaultPlural(manifest["kind"]!.GetValue<string>()), manifest["metadata"]!["name"]!.GetValue<string>(),
            fieldManager: "kubectl", force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
