using k8s.Models;

namespace Keel.Model.Authoring.Shapes;

/// <summary>
/// Prefill/decode disaggregation over NIXL: prefill pods run vLLM on the pool's target port; decode pods run the
/// routing sidecar on that port and vLLM behind it on an internal port. Both get the NIXL KV-transfer setup.
/// </summary>
public static class PrefillDecode
{
    /// <summary>Sets <see cref="PresetParts.DecodeDeployment"/> and <see cref="PresetParts.PrefillDeployment"/>.</summary>
    /// <param name="parts">The preset's parts.</param>
    /// <param name="vllm">The vLLM container shape shared by both roles (its Port is ignored: the roles set their own).</param>
    /// <param name="appPort">The pool's target port: the decode sidecar and the prefill vLLM listen on it.</param>
    /// <param name="internalPort">The decode vLLM's port behind the sidecar.</param>
    /// <param name="sidecarImage">The routing sidecar's image.</param>
    public static void Pair(PresetParts parts, VllmOptions vllm, int appPort, int internalPort, string sidecarImage = RoutingSidecar.DefaultImage)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(vllm);
        parts.DecodeDeployment = Decode(vllm, appPort, internalPort, sidecarImage);
        parts.PrefillDeployment = Prefill(vllm, appPort);
    }

    /// <summary>The decode Deployment: the routing sidecar on <paramref name="appPort"/>, vLLM with NIXL on <paramref name="internalPort"/>.</summary>
    public static V1Deployment Decode(VllmOptions vllm, int appPort, int internalPort, string sidecarImage = RoutingSidecar.DefaultImage) =>
        Workloads.Deployment(
            [Vllm.Container(vllm with { Port = internalPort, Nixl = true })],
            [RoutingSidecar.Container(appPort, internalPort, sidecarImage)]);

    /// <summary>The prefill Deployment: vLLM with NIXL on <paramref name="appPort"/>.</summary>
    public static V1Deployment Prefill(VllmOptions vllm, int appPort) =>
        Workloads.Deployment(Vllm.Container(vllm with { Port = appPort, Nixl = true }));
}
