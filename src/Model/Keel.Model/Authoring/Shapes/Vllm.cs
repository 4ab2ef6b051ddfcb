using k8s.Models;

namespace Keel.Model.Authoring.Shapes;

/// <summary>vLLM model-server containers and Deployments (decode, prefill, single node).</summary>
public static class Vllm
{
    /// <summary>The NIXL side-channel port vLLM listens on for KV-cache transfer.</summary>
    public const int NixlSideChannelPort = 5557;

    /// <summary>The <c>--kv-transfer-config</c> value for NIXL, both roles.</summary>
    public const string NixlKvTransferConfig = "{\"kv_connector\":\"NixlConnector\",\"kv_role\":\"kv_both\"}";

    /// <summary>The accelerator resource vLLM pods request.</summary>
    public const string GpuResource = "nvidia.com/gpu";

    /// <summary>
    /// A vLLM container: <c>vllm serve --port N [--kv-transfer-config ...] args...</c>, a TCP port, a readiness probe on
    /// <c>/health</c> and the accelerator resources. The operator prepends the ModelService's args (the model first).
    /// </summary>
    public static V1Container Container(VllmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string> { "--port", Template.Text(options.Port) };
        var env = new List<V1EnvVar>();
        var ports = new List<V1ContainerPort> { Workloads.ContainerPort(options.Port, options.PortName) };
        if (options.Nixl)
        {
            args.AddRange(["--kv-transfer-config", NixlKvTransferConfig]);
            env.Add(Workloads.FieldEnv("VLLM_NIXL_SIDE_CHANNEL_HOST", "status.podIP"));
            env.Add(new V1EnvVar { Name = "VLLM_NIXL_SIDE_CHANNEL_PORT", Value = Template.Text(NixlSideChannelPort) });
            env.Add(new V1EnvVar { Name = "UCX_TLS", Value = "cuda_ipc,cuda_copy,tcp" });
            ports.Add(Workloads.ContainerPort(NixlSideChannelPort));
        }

        args.AddRange(options.Args);
        env.AddRange(options.Env);
        return new V1Container
        {
            Name = options.Name,
            Image = options.Image,
            Command = ["vllm", "serve"],
            Args = args,
            Env = env.Count > 0 ? env : null,
            Ports = ports,
            ReadinessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = "/health", Port = options.Port },
                PeriodSeconds = options.ReadinessPeriodSeconds,
            },
            Resources = Resources(options),
        };
    }

    /// <summary>A Deployment part running one vLLM container.</summary>
    public static V1Deployment Deployment(VllmOptions options) => Workloads.Deployment(Container(options));

    private static V1ResourceRequirements? Resources(VllmOptions options)
    {
        var requests = options.Requests.ToDictionary(r => r.Key, r => new ResourceQuantity(r.Value), StringComparer.Ordinal);
        Dictionary<string, ResourceQuantity>? limits = null;
        if (options.Gpus > 0)
        {
            var gpus = new ResourceQuantity(options.Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { [GpuResource] = gpus };
            requests[GpuResource] = gpus;
        }

        return limits is null && requests.Count == 0
            ? null
            : new V1ResourceRequirements { Limits = limits, Requests = requests.Count > 0 ? requests : null };
    }
}
