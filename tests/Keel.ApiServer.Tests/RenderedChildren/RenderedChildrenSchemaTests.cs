using System.Text.Json.Nodes;
using k8s.Models;
using Keel.ApiServer.Schema;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Topology;

namespace Keel.ApiServer.Tests.RenderedChildren;

/// <summary>
/// Every sample's rendered children are valid objects of their kinds: each is admitted by the local API server's schema
/// engine, with strict field validation, against its schema — the generated schemas of the Kubernetes built-in kinds
/// (SchemaCatalog) and the upstream CRDs Keel ships in src/Crds/upstream (InferencePool in both APIs, InferenceObjective,
/// InferenceModel, HTTPRoute). The ModelService gets its CRD defaults and a uid first, as in a cluster.
/// </summary>
public sealed class RenderedChildrenSchemaTests
{
    private static readonly string Root = FindRoot();

    private static readonly Dictionary<(string ApiVersion, string Kind), string> UpstreamCrds = new()
    {
        [("inference.networking.k8s.io/v1", "InferencePool")] = "inferencepools.inference.networking.k8s.io.yaml",
        [("inference.networking.x-k8s.io/v1alpha2", "InferencePool")] = "inferencepools.inference.networking.x-k8s.io.yaml",
        [("inference.networking.x-k8s.io/v1alpha2", "InferenceModel")] = "inferencemodels.inference.networking.x-k8s.io.yaml",
        [("llm-d.ai/v1alpha2", "InferenceObjective")] = "inferenceobjectives.llm-d.ai.yaml",
        [("gateway.networking.k8s.io/v1", "HTTPRoute")] = "httproutes.gateway.networking.k8s.io.yaml",
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var sample in new[] { "single-node-hf", "pvc-tensor-parallel", "pd-disaggregation", "oci-legacy-preset" })
        {
            foreach (var form in new[] { "preset-configmap.yaml", "preset-baseconfig.yaml" })
            {
                foreach (var api in new[] { "v1", "v1alpha2" })
                {
                    data.Add(sample, form, api);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_rendered_child_of_every_sample_validates_against_its_schema(string sample, string presetFile, string api)
    {
        var result = ModelServiceRenderer.RenderOnce(new RenderRequest
        {
            ModelService = LoadModelService(sample),
            Preset = LoadPreset(sample, presetFile),
            Settings = new RenderSettings
            {
                PoolApi = api == "v1" ? InferencePoolApi.V1 : InferencePoolApi.V1Alpha2,
                EppClusterRole = RenderSettings.DefaultEppClusterRole,
                WorkloadPullSecrets = ["registry"],
            },
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.NotEmpty(result.Children);
        foreach (var child in result.Children)
        {
            var admission = new CustomResourceAdmission(SchemaOf(child.ApiVersion, child.Kind));
            var body = child.ApplyBody(exists: false);
            var admitted = admission.Admit(body, oldObj: null, FieldValidationMode.Strict);
            Assert.True(admitted.IsValid, $"{child}: " + string.Join("; ", admitted.Errors.Select(e => e.ToString()).Append(admitted.StrictDecodingError ?? string.Empty)));
            Assert.True(child.HasOwnerReference, child.ToString());
        }
    }

    [Fact]
    public void A_pool_without_target_ports_would_be_rejected_so_the_render_refuses_it_first()
    {
        var schema = SchemaOf("inference.networking.k8s.io/v1", "InferencePool");
        var pool = JsonNode.Parse("""{"apiVersion":"inference.networking.k8s.io/v1","kind":"InferencePool","metadata":{"name":"p","namespace":"n"},"spec":{"selector":{"matchLabels":{"a":"b"}},"endpointPickerRef":{"name":"e","port":{"number":9002}}}}""")!.AsObject();
        Assert.False(new CustomResourceAdmission(schema).Admit(pool, null, FieldValidationMode.Strict).IsValid);
    }

    private static ModelService LoadModelService(string sample)
    {
        var manifest = (JsonObject)KeelYaml.ParseSingle(File.ReadAllText(Path.Combine(Root, "samples", sample, "modelservice.yaml"))).Root!;
        manifest["metadata"]!["namespace"] = "models";
        manifest["metadata"]!["uid"] = "2d0c1a9e-5b1f-4c51-9d61-0c8a1c2f3e4d";
        var admitted = new CustomResourceAdmission(CrdSchema("modelservices.llm-d.ai")).Admit(manifest, null, FieldValidationMode.Strict);
        Assert.True(admitted.IsValid, string.Join("; ", admitted.Errors));
        return KeelJson.Deserialize<ModelService>(manifest);
    }

    private static PresetSource LoadPreset(string sample, string file)
    {
        var manifest = (JsonObject)KeelYaml.ParseSingle(File.ReadAllText(Path.Combine(Root, "samples", sample, file))).Root!;
        manifest["metadata"]!["namespace"] = "models";
        if (manifest["kind"]!.GetValue<string>() == "ConfigMap")
        {
            return PresetSource.From(KeelJson.Deserialize<V1ConfigMap>(manifest));
        }

        var admitted = new CustomResourceAdmission(CrdSchema("baseconfigs.llm-d.ai")).Admit(manifest, null, FieldValidationMode.Strict);
        Assert.True(admitted.IsValid, string.Join("; ", admitted.Errors));
        return PresetSource.From(KeelJson.Deserialize<BaseConfig>(manifest));
    }

    private static StructuralSchema SchemaOf(string apiVersion, string kind)
    {
        if (UpstreamCrds.TryGetValue((apiVersion, kind), out var file))
        {
            var crd = (JsonObject)KeelYaml.ParseSingle(File.ReadAllText(Path.Combine(Root, "src", "Crds", "upstream", file))).Root!;
            var version = apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var entry = crd["spec"]!["versions"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == version)!;
            return StructuralSchema.Parse(entry["schema"]!["openAPIV3Schema"]!.AsObject());
        }

        var builtIn = SchemaCatalog.Find(apiVersion, kind) ?? throw new InvalidOperationException($"no schema for {apiVersion} {kind}");
        return StructuralSchema.Parse(JsonNode.Parse(builtIn.OpenApiV3SchemaJson)!.AsObject());
    }

    private static StructuralSchema CrdSchema(string name)
    {
        var crd = JsonNode.Parse(CrdCatalog.Find(name)!.Json)!.AsObject();
        return StructuralSchema.Parse(crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject());
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    }
}
