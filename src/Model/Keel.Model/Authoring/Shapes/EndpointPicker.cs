using k8s.Models;
using Keel.Model.Authoring.Export;
using Keel.Model.Upstream.Llmd.V1Alpha1;

namespace Keel.Model.Authoring.Shapes;

/// <summary>
/// The endpoint picker (EPP) of the Gateway API Inference Extension: its Deployment (current kebab-case flags,
/// gRPC ext-proc 9002, health 9003, metrics 9090, Recreate strategy), its Service and the ConfigMap with its
/// plugin configuration (EndpointPickerConfig).
/// </summary>
public static class EndpointPicker
{
    public const int GrpcPort = 9002;
    public const int HealthPort = 9003;
    public const int MetricsPort = 9090;
    public const string DefaultConfigFile = "epp-config.yaml";

    /// <summary><c>{{ .ModelServiceName }}-epp-config</c>: one configuration ConfigMap per ModelService.</summary>
    public static readonly string DefaultConfigMapName = Template.Var(v => v.ModelServiceName) + "-epp-config";

    /// <summary>The EPP Deployment part, pointed at the ModelService's pool and the mounted configuration.</summary>
    public static V1Deployment Deployment(EndpointPickerOptions? options = null)
    {
        options ??= new EndpointPickerOptions();
        var container = new V1Container
        {
            Name = "epp",
            Image = options.Image,
            Args =
            [
                "--pool-name", Template.Var(v => v.InferencePoolName),
                "--pool-namespace", Template.Var(v => v.ModelServiceNamespace),
                "--pool-group", options.PoolGroup,
                "--config-file", "/config/" + options.ConfigFile,
                .. options.Args,
            ],
            Env = [Workloads.FieldEnv("NAMESPACE", "metadata.namespace"), Workloads.FieldEnv("POD_NAME", "metadata.name")],
            Ports =
            [
                Workloads.ContainerPort(GrpcPort, "grpc"),
                Workloads.ContainerPort(HealthPort, "grpc-health"),
                Workloads.ContainerPort(MetricsPort, "metrics"),
            ],
            LivenessProbe = new V1Probe { Grpc = new V1GRPCAction { Port = HealthPort, Service = "liveness" }, InitialDelaySeconds = 5, PeriodSeconds = 10 },
            ReadinessProbe = new V1Probe { Grpc = new V1GRPCAction { Port = HealthPort, Service = "readiness" }, PeriodSeconds = 2 },
            VolumeMounts = [new V1VolumeMount { Name = "epp-config", MountPath = "/config" }],
        };
        var deployment = Workloads.Deployment(
            [container],
            initContainers: null,
            volumes: [new V1Volume { Name = "epp-config", ConfigMap = new V1ConfigMapVolumeSource { Name = options.ConfigMapName } }]);
        deployment.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };
        return deployment;
    }

    /// <summary>The EPP Service part: gRPC ext-proc (HTTP/2) and metrics.</summary>
    public static V1Service Service() => Workloads.ClusterIpService(
        Workloads.ServicePort("grpc-ext-proc", GrpcPort, GrpcPort, appProtocol: "http2"),
        Workloads.ServicePort("http-metrics", MetricsPort, MetricsPort));

    /// <summary>The ConfigMap with the plugin configuration as <paramref name="fileName"/> (YAML, as the EPP reads it).</summary>
    public static V1ConfigMap ConfigMap(EndpointPickerConfig config, string? name = null, string fileName = DefaultConfigFile)
    {
        ArgumentNullException.ThrowIfNull(config);
        var json = Serialization.KeelJson.SerializeToNode(config);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name ?? DefaultConfigMapName },
            Data = new Dictionary<string, string> { [fileName] = PresetYamlWriter.Write(json, PresetForm.BaseConfig, "EndpointPickerConfig") },
        };
    }

    /// <summary>
    /// The common prefill/decode configuration: disaggregation headers, a prefix-based P/D decider
    /// (<paramref name="nonCachedTokens"/>), prefill and decode profiles filtering on the pod role, scored by queue,
    /// KV-cache utilization (decode) and prefix cache, picked by max score.
    /// </summary>
    public static EndpointPickerConfig PrefillDecodeConfig(int nonCachedTokens = 16) => new()
    {
        Plugins =
        [
            Plugin("disagg-headers-handler"),
            Plugin("prefix-based-pd-decider", new System.Text.Json.Nodes.JsonObject { ["nonCachedTokens"] = nonCachedTokens }),
            Plugin("disagg-profile-handler"),
            Plugin("prefill-filter"),
            Plugin("decode-filter"),
            Plugin("queue-scorer"),
            Plugin("kv-cache-utilization-scorer"),
            Plugin("prefix-cache-scorer"),
            Plugin("max-score-picker"),
        ],
        SchedulingProfiles =
        [
            Profile("prefill", ("prefill-filter", null), ("queue-scorer", 1), ("prefix-cache-scorer", 2), ("max-score-picker", null)),
            Profile("decode", ("decode-filter", null), ("queue-scorer", 1), ("kv-cache-utilization-scorer", 1), ("prefix-cache-scorer", 2), ("max-score-picker", null)),
        ],
    };

    /// <summary>The common single-profile configuration: queue, KV-cache utilization and prefix-cache scorers, max-score picker.</summary>
    public static EndpointPickerConfig SingleProfileConfig() => new()
    {
        Plugins = [Plugin("queue-scorer"), Plugin("kv-cache-utilization-scorer"), Plugin("prefix-cache-scorer"), Plugin("max-score-picker")],
        SchedulingProfiles =
        [
            Profile("default", ("queue-scorer", 1), ("kv-cache-utilization-scorer", 1), ("prefix-cache-scorer", 1), ("max-score-picker", null)),
        ],
    };

    public static PluginSpec Plugin(string type, System.Text.Json.Nodes.JsonObject? parameters = null) => new() { Type = type, Parameters = parameters };

    public static SchedulingProfile Profile(string name, params (string PluginRef, int? Weight)[] plugins) => new()
    {
        Name = name,
        Plugins = plugins.Select(p => new SchedulingPlugin { PluginRef = p.PluginRef, Weight = p.Weight }).ToList(),
    };

}
