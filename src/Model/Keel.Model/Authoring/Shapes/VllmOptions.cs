using k8s.Models;

namespace Keel.Model.Authoring.Shapes;

/// <summary>How <see cref="Vllm.Container"/> shapes a vLLM container.</summary>
public sealed record VllmOptions
{
    /// <summary>The image, for example <c>vllm/vllm-openai:v0.11.2</c>.</summary>
    public required string Image { get; init; }

    /// <summary>The port vLLM serves on (<c>--port</c>, the container port and the readiness probe); usually <c>Template.Port("...")</c>.</summary>
    public required int Port { get; init; }

    public string Name { get; init; } = "vllm";

    /// <summary>A name for the container port (Services can target it by name); none by default.</summary>
    public string? PortName { get; init; }

    /// <summary>Arguments after <c>--port N</c> (the ModelService's args, the model first, are prepended by the operator).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Accelerators per pod (<c>nvidia.com/gpu</c> in limits and requests); 0 for none.</summary>
    public int Gpus { get; init; } = 1;

    /// <summary>Extra resource requests (<c>cpu</c>, <c>memory</c>), written before the accelerator request.</summary>
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();

    /// <summary>The readiness probe's period (GET /health on the port); null leaves the Kubernetes default.</summary>
    public int? ReadinessPeriodSeconds { get; init; }

    /// <summary>
    /// KV-cache transfer between prefill and decode over NIXL: the <c>--kv-transfer-config</c> argument, the side-channel
    /// environment (host from status.podIP, port <see cref="Vllm.NixlSideChannelPort"/>, UCX transports) and its port.
    /// </summary>
    public bool Nixl { get; init; }

    /// <summary>Environment variables after the NIXL ones.</summary>
    public IReadOnlyList<V1EnvVar> Env { get; init; } = [];
}
