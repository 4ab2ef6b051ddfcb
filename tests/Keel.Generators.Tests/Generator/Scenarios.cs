namespace Keel.Generators.Tests.Generator;

/// <summary>Annotated source the generator tests compile.</summary>
internal static class Scenarios
{
    public const string Usings = """
        using System.Collections.Generic;
        using System.Text.Json.Nodes;
        using System.Text.Json.Serialization;
        using k8s.Models;
        using Keel.Annotations;

        """;

    /// <summary>A small custom resource that exercises every schema derivation and merge rule.</summary>
    public const string Widget = Usings + """
        namespace Demo;

        /// <summary>A widget serves a model.</summary>
        [CustomResource("demo.keel.dev", "v1alpha1", "Widget", ShortNames = new[] { "wdg" }, Categories = new[] { "keel" })]
        [StatusSubresource]
        [ScaleSubresource(".spec.replicas", ".status.replicas", LabelSelectorPath = ".status.selector")]
        [PrinterColumn("Replicas", PrinterColumnType.Integer, ".spec.replicas")]
        [PrinterColumn("Ready", PrinterColumnType.String, ".status.conditions[?(@.type==\"Ready\")].status", Description = "Whether the widget serves")]
        [PrinterColumn("Age", PrinterColumnType.Date, ".metadata.creationTimestamp")]
        public partial class Widget
        {
            public string? ApiVersion { get; set; }
            public string? Kind { get; set; }
            public V1ObjectMeta? Metadata { get; set; }

            /// <summary>What the widget should be.</summary>
            public required WidgetSpec Spec { get; set; }

            public WidgetStatus? Status { get; set; }
        }

        [ExactlyOneOf("image", "source")]
        public sealed class WidgetSpec
        {
            /// <summary>How many replicas to run.</summary>
            [Minimum(0)]
            [Default("1")]
            public int? Replicas { get; set; }

            /// <summary>The model clients ask for.</summary>
            [MaxLength(256)]
            [Immutable]
            public required string ModelName { get; set; }

            [Pattern("^(hf|pvc|oci)://")]
            public string? Image { get; set; }

            public JsonObject? Source { get; set; }

            [ListMapKey("name")]
            public IList<WidgetPort>? Ports { get; set; }

            [ListType(ListTopology.Set)]
            public IList<string>? Tags { get; set; }

            [Prepend]
            public IList<string>? Args { get; set; }

            [AtomicReplace(EmptyMeansUnset = true)]
            public IList<string>? Command { get; set; }

            public IDictionary<string, string>? Labels { get; set; }

            [MapType(MapTopology.Atomic)]
            public IDictionary<string, string>? Selector { get; set; }

            public IntOrString? TargetPort { get; set; }

            public ResourceQuantity? Size { get; set; }

            public WidgetMode? Mode { get; set; }

            [OneOf("value")]
            public string? Value { get; set; }

            [OneOf("value")]
            public WidgetReference? ValueFrom { get; set; }

            [CelRule("self.min <= self.max", Message = "min must not exceed max")]
            public WidgetRange? Range { get; set; }

            public JsonNode? Extra { get; set; }

            /// <summary>A port written by a preset, possibly with templates.</summary>
            [SchemaFrom(typeof(WidgetPort), Templatable = true)]
            public JsonObject? PortTemplate { get; set; }

            [JsonPropertyName("x-custom")]
            public bool? Custom { get; set; }
        }

        public sealed class WidgetPort
        {
            public required string Name { get; set; }

            [Minimum(1)]
            [Maximum(65535)]
            public int Port { get; set; }

            public bool? Tls { get; set; }
        }

        [JsonConverter(typeof(JsonStringEnumConverter<WidgetMode>))]
        public enum WidgetMode
        {
            Fast,
            Careful,
        }

        [StructType(MapTopology.Atomic)]
        public sealed class WidgetReference
        {
            public string? Name { get; set; }
            public string? Key { get; set; }
        }

        public sealed class WidgetRange
        {
            public int? Min { get; set; }
            public int? Max { get; set; }
        }

        public sealed class WidgetStatus
        {
            public int? Replicas { get; set; }
            public string? Selector { get; set; }

            [ListMapKey("type")]
            public IList<V1Condition>? Conditions { get; set; }
        }
        """;

    /// <summary>A realistic type graph: a resource that embeds the Kubernetes pod spec, with rules for the built-in types.</summary>
    public const string Workload = Usings + """
        namespace Demo;

        [KubernetesTypeRules]
        [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "name")]
        [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Volumes), "name")]
        [ListMap(typeof(V1Container), nameof(V1Container.Env), "name")]
        [ListMap(typeof(V1Container), nameof(V1Container.Ports), "containerPort", "protocol")]
        [ListMap(typeof(V1Container), nameof(V1Container.VolumeMounts), "mountPath")]
        [DefaultRule(typeof(V1ContainerPort), nameof(V1ContainerPort.Protocol), "\"TCP\"")]
        [ListTopology(typeof(V1PodSpec), nameof(V1PodSpec.Tolerations), ListTopology.Atomic)]
        [PrependRule(typeof(V1Container), nameof(V1Container.Args))]
        [OneOfRule(typeof(V1EnvVar), "value", nameof(V1EnvVar.Value), nameof(V1EnvVar.ValueFrom))]
        internal static partial class Rules
        {
        }

        [CustomResource("demo.keel.dev", "v1", "Workload")]
        [StorageVersion]
        public partial class Workload
        {
            public V1ObjectMeta? Metadata { get; set; }
            public WorkloadSpec? Spec { get; set; }
        }

        [CustomResource("demo.keel.dev", "v1beta1", "Workload")]
        [DeprecatedVersion(Warning = "use demo.keel.dev/v1")]
        public partial class WorkloadV1Beta1
        {
            public V1ObjectMeta? Metadata { get; set; }
            public WorkloadSpec? Spec { get; set; }
        }

        public sealed class WorkloadSpec
        {
            public int? Replicas { get; set; }

            /// <summary>The pod template the workload runs.</summary>
            public V1PodTemplateSpec? Template { get; set; }

            /// <summary>A pod spec a preset writes, templates allowed.</summary>
            [SchemaFrom(typeof(V1PodSpec), Templatable = true)]
            public JsonObject? PresetPod { get; set; }

            [EmbeddedResource]
            public JsonObject? Extra { get; set; }
        }
        """;
}
