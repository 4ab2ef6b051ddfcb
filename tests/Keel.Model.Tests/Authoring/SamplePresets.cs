using k8s.Models;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Shapes;

namespace Keel.Model.Tests.Authoring;

/// <summary>samples/single-node-hf's preset, written with the authoring API.</summary>
[RequiresRoutingPort("http", Description = "the port vLLM serves on")]
internal sealed class SingleNodePreset : Preset
{
    public override string Name => "preset-single-node";

    protected override void Configure(PresetParts parts)
    {
        var http = Template.Port("http");
        parts.DecodeDeployment = Vllm.Deployment(new VllmOptions
        {
            Image = "vllm/vllm-openai:v0.11.2",
            Port = http,
            PortName = "http",
            Args = ["--max-model-len", "2048"],
            ReadinessPeriodSeconds = 5,
        });
        parts.DecodeService = Workloads.ClusterIpService(Workloads.ServicePort("http", http));
    }
}

/// <summary>samples/pd-disaggregation's preset, written with the authoring API.</summary>
[RequiresRoutingPort("app_port", Description = "pool target: decode sidecar and prefill vLLM")]
[RequiresRoutingPort("internal_port", Description = "decode vLLM behind the sidecar")]
internal sealed class PdNixlPreset : Preset
{
    public override string Name => "preset-pd-nixl";

    protected override void Configure(PresetParts parts)
    {
        var appPort = Template.Port("app_port");
        var vllm = new VllmOptions
        {
            Image = "vllm/vllm-openai:v0.11.2",
            Port = appPort,
            Requests = new Dictionary<string, string> { ["cpu"] = "8", ["memory"] = "32Gi" },
        };
        PrefillDecode.Pair(parts, vllm, appPort, Template.Port("internal_port"));
        parts.ConfigMaps.Add(EndpointPicker.ConfigMap(EndpointPicker.PrefillDecodeConfig(nonCachedTokens: 16)));
        parts.EppDeployment = EndpointPicker.Deployment();
        parts.EppService = EndpointPicker.Service();
        parts.InferencePool = Inference.Pool(appPort);
        parts.InferenceObjective = Inference.Objective(priority: 10);
        parts.HttpRoute = Inference.RouteToPool("300s");
    }
}
