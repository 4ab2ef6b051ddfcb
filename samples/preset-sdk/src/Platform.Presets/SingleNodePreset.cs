using Keel.Model.Authoring;
using Keel.Model.Authoring.Shapes;

namespace Platform.Presets;

/// <summary>
/// A small Hugging Face model on one vLLM pod with a ClusterIP Service: samples/single-node-hf's preset.
/// </summary>
[RequiresRoutingPort("http", Description = "the port vLLM serves on")]
public sealed class SingleNodePreset : Preset
{
    public override string Name => "preset-single-node";

    public override string Description => "One vLLM container and a ClusterIP Service in front of it.";

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
