using Keel.Model.Authoring;
using Keel.Model.Authoring.Shapes;

namespace Platform.Presets;

/// <summary>
/// Prefill/decode disaggregation over NIXL: samples/pd-disaggregation's preset. Decode pods run the routing sidecar on
/// the pool's port and vLLM behind it; the endpoint picker runs the common P/D plugin configuration.
/// </summary>
[RequiresRoutingPort("app_port", Description = "pool target: decode sidecar and prefill vLLM")]
[RequiresRoutingPort("internal_port", Description = "decode vLLM behind the sidecar")]
public sealed class PdNixlPreset : Preset
{
    public override string Name => "preset-pd-nixl";

    public override string Description => "Prefill/decode disaggregation with the NIXL connector.";

    protected override void Configure(PresetParts parts)
    {
        var appPort = Template.Port("app_port");
        var vllm = new VllmOptions
        {
            Image = "vllm/vllm-openai:v0.11.2",
            Port = appPort,
            Requests = new Dictionary<string, string> { ["cpu"] = "8", ["memory"] = "32Gi" },
        };
        PrefillDecode.Pair(parts, vllm, appPort, internalPort: Template.Port("internal_port"));

        // The plugin configuration is a file the endpoint picker reads: a ConfigMap per ModelService, mounted at /config.
        parts.ConfigMaps.Add(EndpointPicker.ConfigMap(EndpointPicker.PrefillDecodeConfig(nonCachedTokens: 16)));
        parts.EppDeployment = EndpointPicker.Deployment();
        parts.EppService = EndpointPicker.Service();

        parts.InferencePool = Inference.Pool(targetPort: appPort, failureMode: "FailOpen");
        parts.InferenceObjective = Inference.Objective(priority: 10);
        parts.HttpRoute = Inference.RouteToPool(requestTimeout: "300s");
    }
}
