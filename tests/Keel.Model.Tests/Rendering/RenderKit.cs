using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Tests.Api;

namespace Keel.Model.Tests.Rendering;

/// <summary>Builds render inputs from YAML and reads the children back as JSON.</summary>
internal static class RenderKit
{
    public static RenderSettings Settings { get; } = new() { EppClusterRole = "modelservice-epp" };

    /// <summary>A ModelService named <c>ms</c> in namespace <c>team</c> with uid, an hf:// model and a ConfigMap preset reference.</summary>
    public const string BaseModelService = """
        apiVersion: llm-d.ai/v1alpha1
        kind: ModelService
        metadata:
          name: ms
          namespace: team
          uid: 6f1c2e2a-0000-4000-8000-000000000001
        spec:
          baseConfigMapRef:
            name: preset
          routing:
            modelName: facebook/opt-125m
            ports:
              - name: http
                port: 8000
          modelArtifacts:
            uri: hf://facebook/opt-125m
        """;

    public static ModelService ModelService(string yaml = BaseModelService) => KeelYaml.Deserialize<ModelService>(yaml, "modelservice");

    /// <summary>The base ModelService with <paramref name="specYaml"/> (indented as under spec) appended to its spec.</summary>
    public static ModelService ModelServiceWith(string specYaml) =>
        ModelService(BaseModelService + "\n" + Indent(specYaml, "  "));

    /// <summary>A ConfigMap preset <c>team/preset</c> whose data holds <paramref name="parts"/> (key → template text).</summary>
    public static PresetSource ConfigMap(params (string Key, string Text)[] parts) =>
        PresetSource.From(new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "preset", NamespaceProperty = "team", ResourceVersion = "42" },
            Data = parts.ToDictionary(p => p.Key, p => p.Text),
        });

    public static PresetSource BaseConfig(string yaml) => PresetSource.From(KeelYaml.Deserialize<BaseConfig>(yaml, "baseconfig"));

    public static RenderResult Render(ModelService modelService, PresetSource? preset, RenderSettings? settings = null, bool provenance = false) =>
        ModelServiceRenderer.RenderOnce(new RenderRequest
        {
            ModelService = modelService,
            Preset = preset,
            Settings = settings ?? Settings,
            TrackProvenance = provenance,
        });

    /// <summary>Renders and fails the test on any error.</summary>
    public static RenderResult Ok(ModelService modelService, PresetSource? preset, RenderSettings? settings = null, bool provenance = false)
    {
        var result = Render(modelService, preset, settings, provenance);
        Assert.True(result.Succeeded, "render failed:\n" + string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Reason == RenderReasons.InternalError);
        return result;
    }

    public static JsonObject Json(RenderResult result, ChildRole role) =>
        (result.Child(role) ?? throw new Xunit.Sdk.XunitException($"no {role} child; children: {string.Join(", ", result.Children.Select(c => c.Role))}")).ToJson();

    /// <summary>The node at a dotted path with [n] indexes (<c>spec.template.spec.containers[0].args</c>).</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var indexes = new List<int>();
            while (name.EndsWith(']'))
            {
                var open = name.LastIndexOf('[');
                indexes.Insert(0, int.Parse(name[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
                name = name[..open];
            }

            node = name.Length == 0 ? node : node?[name];
            foreach (var index in indexes)
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node;
    }

    public static string[] Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToArray() : [];

    /// <summary>The container named <paramref name="name"/> of a Deployment's pod template.</summary>
    public static JsonObject Container(JsonObject deployment, string name, string list = "containers") =>
        (At(deployment, "spec.template.spec." + list) as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"no {list} entry named {name} in {deployment.ToJsonString()}");

    public static string Indent(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));

    public static string SamplePath(string sample, string file) => Repository.PathOf("samples", sample, file);
}
