using k8s.Models;

namespace Keel.Model.Authoring.Shapes;

/// <summary>
/// The llm-d routing sidecar of a decode pod: a native sidecar (an init container with restartPolicy Always) that
/// listens on the pool's target port and, when the endpoint picker says so, asks a prefill pod first.
/// </summary>
public static class RoutingSidecar
{
    public const string DefaultImage = "ghcr.io/llm-d/llm-d-router-disagg-sidecar:v0.5.0";

    /// <summary>The sidecar: <c>--port</c> (the pool's target port), <c>--model-server-port</c> (vLLM behind it), <c>--kv-connector</c>.</summary>
    /// <param name="port">The port it listens on; usually <c>Template.Port("app_port")</c>.</param>
    /// <param name="modelServerPort">The decode vLLM's port; usually <c>Template.Port("internal_port")</c>.</param>
    /// <param name="image">The sidecar image.</param>
    /// <param name="connector">The KV connector (<c>nixlv2</c>).</param>
    public static V1Container Container(int port, int modelServerPort, string image = DefaultImage, string connector = "nixlv2") => new()
    {
        Name = "routing-sidecar",
        Image = image,
        RestartPolicy = "Always",
        Args =
        [
            "--port=" + Template.Text(port),
            "--model-server-port=" + Template.Text(modelServerPort),
            "--kv-connector=" + connector,
        ],
        Ports = [Workloads.ContainerPort(port)],
        SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true },
    };
}
