using CsCheck;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;

namespace Keel.Model.Tests.Rendering;

/// <summary>
/// Property tests over arbitrary ModelService/preset/settings combinations (valid, broken and odd): the render never
/// throws and never hits an internal error, is deterministic (fresh or shared cache, inputs round-tripped through
/// JSON), and produces no children whenever it reports an error.
/// </summary>
public sealed class RenderPropertyTests
{
    private static readonly string[] Names = ["ms", "llama.pd", new string('x', 70), "UPPER", "a-b"];
    private static readonly string[] Uris = ["hf://facebook/opt-125m", "pvc://claim/models/llama", "oci://registry/m:1", "hf://x", "s3://b/m", ""];
    private static readonly string[] Args = ["{{ .HFModelName }}", "--port", "{{ \"http\" | getPort }}", "{{ .Nope }}", "{{ if }}", "plain", "{{ \"{{\" }}"];
    private static readonly string[] ContainerNames = ["vllm", "epp", "routing-sidecar", "other"];

    private static readonly (string Key, string Text)[] PartVariants =
    [
        ("decodeDeployment", Parts.DecodeDeployment),
        ("decodeDeployment", "spec:\n  replicas: many\n"),
        ("decodeDeployment", "spec: [unclosed"),
        ("decodeDeployment", "{{ .Broken"),
        ("decodeDeployment", "- a list\n"),
        ("decodeDeployment", "spec:\n  template:\n    spec:\n      notAField: 1\n      containers: [{name: vllm}]\n"),
        ("prefillDeployment", Parts.PrefillDeployment),
        ("eppDeployment", Parts.EppDeployment),
        ("eppDeployment", "spec: {}\n"),
        ("decodeService", Parts.Service),
        ("prefillService", Parts.Service),
        ("eppService", Parts.Service),
        ("inferencePool", Parts.InferencePool),
        ("inferencePool", Parts.LegacyInferencePool),
        ("inferencePool", "spec: {}\n"),
        ("inferenceModel", Parts.InferenceModel),
        ("inferenceObjective", "spec: {priority: 5}\n"),
        ("httpRoute", Parts.HttpRoute),
        ("httpRoute", "spec:\n  rules: [{backendRefs: [{kind: Service, name: other}]}]\n"),
        ("configMaps", "- metadata: {name: cfg}\n  data: {a: b}\n"),
        ("configMaps", "- metadata: {}\n"),
        ("configMaps", "not-a-list: 1\n"),
        ("unknownKey", "value"),
        ("decodeService", "   "),
    ];

    private static readonly Gen<ContainerSpec> Container =
        Gen.Select(Gen.OneOf(ContainerNames), Gen.Bool, Gen.Bool, Gen.OneOf(Args).Array[0, 3], Gen.Bool, (name, image, mount, args, env) => new ContainerSpec
        {
            Name = name,
            Image = image ? "image:1" : null,
            MountModelVolume = mount ? true : null,
            Args = args.Length == 0 ? null : args,
            Env = env ? [new V1EnvVar { Name = "HF_HOME", Value = "/elsewhere" }] : null,
        });

    private static readonly Gen<PDSpec?> Role =
        Gen.Select(Gen.Int[0, 3], Gen.Int[-1, 3], Container.Array[0, 2], Gen.Int[0, 4], Gen.Bool, (present, replicas, containers, tensor, accelerators) =>
            present == 0
                ? null
                : new PDSpec
                {
                    Replicas = replicas < 0 ? null : replicas,
                    Containers = containers.Length == 0 ? null : containers,
                    Parallelism = tensor == 0 ? null : new Parallelism { Tensor = tensor - 1, DataLocal = tensor > 2 ? 2 : null, Workers = tensor == 4 ? 2 : null },
                    AcceleratorTypes = accelerators ? new AcceleratorTypes { LabelKey = tensor == 1 ? string.Empty : "gpu", LabelValues = ["a100"] } : null,
                });

    private static readonly Gen<ModelService> ModelService =
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Uris), Role, Role, Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 2], (name, uri, decode, prefill, epp, decouple, gateways) => new ModelService
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team", Uid = name.Length > 10 ? null : "uid-1" },
            Spec = new ModelServiceSpec
            {
                BaseConfigMapRef = new V1ObjectReference { Name = "preset" },
                Routing = new Routing
                {
                    ModelName = "org/Model_Name",
                    Ports = [new RoutingPort { Name = "http", Port = 8000 }],
                    GatewayRefs = gateways == 0 ? null : [.. Enumerable.Range(0, gateways).Select(i => new GatewayReference { Name = "gw", SectionName = i == 0 ? null : "s" })],
                },
                ModelArtifacts = new ModelArtifacts { Uri = uri, AuthSecretName = epp == 1 ? "token" : null },
                DecoupleScaling = decouple,
                Decode = decode,
                Prefill = prefill,
                EndpointPicker = epp == 0 ? null : new EndpointPickerSpec { Replicas = epp - 1, Containers = epp == 3 ? [new ContainerSpec { Name = "epp", Args = ["{{ .ModelServiceNamespace }}"] }] : null },
            },
        });

    private static readonly Gen<PresetSource?> Preset =
        Gen.Select(Gen.Int[0, PartVariants.Length - 1].Array[0, 8], Gen.Int[0, 3], (indexes, form) =>
        {
            if (form == 0)
            {
                return null;
            }

            var data = new Dictionary<string, string>();
            foreach (var index in indexes)
            {
                data[PartVariants[index].Key] = PartVariants[index].Text;
            }

            if (form == 1)
            {
                return PresetSource.From(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "preset", NamespaceProperty = "team" }, Data = data });
            }

            // The same parts as raw templates of a BaseConfig (which has no place for unknown keys).
            string? Part(string key) => data.GetValueOrDefault(key);
            var templates = new BaseConfigTemplates
            {
                ConfigMaps = Part("configMaps"),
                DecodeDeployment = Part("decodeDeployment"),
                PrefillDeployment = Part("prefillDeployment"),
                EppDeployment = Part("eppDeployment"),
                DecodeService = Part("decodeService"),
                PrefillService = Part("prefillService"),
                EppService = Part("eppService"),
                InferencePool = Part("inferencePool"),
                InferenceObjective = Part("inferenceObjective"),
                InferenceModel = Part("inferenceModel"),
                HttpRoute = Part("httpRoute"),
            };
            return (PresetSource?)PresetSource.From(new BaseConfig { Metadata = new V1ObjectMeta { Name = "preset", NamespaceProperty = "team" }, Spec = new BaseConfigSpec { Templates = templates } });
        });

    private static readonly Gen<RenderSettings> Settings =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (legacy, role, secrets) => new RenderSettings
        {
            PoolApi = legacy ? InferencePoolApi.V1Alpha2 : InferencePoolApi.V1,
            EppClusterRole = role ? "modelservice-epp" : null,
            WorkloadPullSecrets = secrets ? ["pull"] : [],
        });

    private static readonly Gen<RenderRequest> Request =
        Gen.Select(ModelService, Preset, Settings, Gen.Bool, (ms, preset, settings, provenance) => new RenderRequest
        {
            ModelService = ms,
            Preset = preset,
            Settings = settings,
            TrackProvenance = provenance,
        });

    [Fact]
    public void Render_never_throws_and_never_fails_internally()
    {
        Request.Sample(request =>
        {
            var result = ModelServiceRenderer.RenderOnce(request);
            Assert.DoesNotContain(result.Diagnostics, d => d.Reason == RenderReasons.InternalError);
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
            if (!result.Succeeded)
            {
                Assert.Empty(result.Children);
            }

            foreach (var child in result.Children)
            {
                Assert.Equal("team", child.Namespace);
                Assert.InRange(child.Name.Length, 1, 253);
                Assert.DoesNotContain("\"status\"", child.Json, StringComparison.Ordinal);
                Assert.Equal(request.ModelService.Metadata.Uid is not null, child.HasOwnerReference);
                if (child.Role is not ChildRole.PresetConfigMap)
                {
                    Assert.Matches("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", child.Name);
                }
            }
        }, iter: 400, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Render_is_deterministic_across_caches_and_input_round_trips()
    {
        var shared = new ModelServiceRenderer();
        Request.Sample(request =>
        {
            var first = ModelServiceRenderer.RenderOnce(request);
            var cached = shared.Render(request);
            var again = shared.Render(request);
            var roundTripped = ModelServiceRenderer.RenderOnce(request with
            {
                ModelService = KeelJson.Deserialize<ModelService>(KeelJson.Serialize(request.ModelService)),
                Preset = request.Preset switch
                {
                    ConfigMapPreset c => PresetSource.From(KeelJson.Deserialize<V1ConfigMap>(KeelJson.Serialize(c.ConfigMap))),
                    BaseConfigPreset b => PresetSource.From(KeelJson.Deserialize<BaseConfig>(KeelJson.Serialize(b.BaseConfig))),
                    _ => null,
                },
            });
            foreach (var other in new[] { cached, again, roundTripped })
            {
                Assert.Equal(Describe(first), Describe(other));
            }
        }, iter: 200, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Concurrent_renders_sharing_one_renderer_agree()
    {
        var renderer = new ModelServiceRenderer();
        var requests = Request.Array[40].Single(_ => true, "0N0XIzNsQ0O2");
        var expected = requests.Select(r => Describe(ModelServiceRenderer.RenderOnce(r))).ToArray();
        Parallel.For(0, requests.Length * 4, i => Assert.Equal(expected[i % requests.Length], Describe(renderer.Render(requests[i % requests.Length]))));
    }

    private static string Describe(RenderResult result) =>
        string.Join("\n---\n", result.Children.Select(c => c.Json))
        + "\n===\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString()))
        + "\n===\n" + string.Join(",", result.References.ByFieldName().Select(p => p.Key + "=" + p.Value));
}
