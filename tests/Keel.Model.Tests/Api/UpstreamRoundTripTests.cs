using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using Keel.Model.Tests.Serialization;
using Gateway = Keel.Model.Upstream.Gateway.V1;
using Inference = Keel.Model.Upstream.Inference.V1;
using InferenceX = Keel.Model.Upstream.InferenceX.V1Alpha2;
using Llmd = Keel.Model.Upstream.Llmd;
using Lws = Keel.Model.Upstream.Lws.V1;

namespace Keel.Model.Tests.Api;

/// <summary>
/// Upstream objects keep the fields our schemas do not declare (newer upstream fields, implementation extensions),
/// at every level, through a read-modify-write.
/// </summary>
public sealed class UpstreamRoundTripTests
{
    [Fact]
    public void An_InferencePool_keeps_unknown_fields_at_every_level()
    {
        const string yaml = """
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: pool
            futureTopLevel: 1
            spec:
              selector:
                matchLabels:
                  llm-d.ai/inferenceServing: "true"
                futureSelectorField: x
              targetPorts:
                - number: 8000
                  futurePortField: true
              endpointPickerRef:
                name: epp
                port:
                  number: 9002
                failureMode: FailOpen
                futureRefField: {nested: [1, 2]}
              futureSpecField: [a, b]
            """;
        var pool = RoundTrip<Inference.InferencePool>(yaml);

        // Modify a known field; unknown ones stay.
        pool.Spec!.TargetPorts![0].Number = 8200;
        var node = KeelJson.SerializeToNode(pool)!;
        Assert.Equal(8200, node["spec"]!["targetPorts"]![0]!["number"]!.GetValue<int>());
        Assert.True(node["spec"]!["targetPorts"]![0]!["futurePortField"]!.GetValue<bool>());
        JsonAssert.Equivalent(JsonNode.Parse("""{"nested":[1,2]}"""), node["spec"]!["endpointPickerRef"]!["futureRefField"]);
    }

    [Fact]
    public void An_HTTPRoute_keeps_filters_and_fields_the_schema_omits()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: route
            spec:
              parentRefs:
                - name: gw
                  sectionName: https
              hostnames: [models.example.com]
              rules:
                - name: inference
                  matches:
                    - path: {type: PathPrefix, value: /v1}
                      headers:
                        - {name: x-llm-d-inference-objective, value: critical}
                  filters:
                    - type: CORS
                      cors:
                        allowOrigins: ["https://app.example.com"]
                    - type: RequestHeaderModifier
                      requestHeaderModifier:
                        set: [{name: x-tenant, value: a}]
                        remove: [x-debug]
                  backendRefs:
                    - group: inference.networking.k8s.io
                      kind: InferencePool
                      name: pool
                      weight: 1
                  timeouts: {request: 300s, backendRequest: 120s}
                  retry: {codes: [503], attempts: 2, backoff: 1s}
                  sessionPersistence: {sessionName: s, type: Cookie}
            status:
              parents:
                - parentRef: {name: gw}
                  controllerName: example.com/gateway
                  conditions:
                    - type: Accepted
                      status: "True"
                      lastTransitionTime: "2026-11-20T10:00:00Z"
                      reason: Accepted
                      message: ok
            """;
        var route = RoundTrip<Gateway.HTTPRoute>(yaml);
        Assert.Equal("CORS", route.Spec!.Rules![0].Filters![0].Type);
        Assert.True(route.Spec.Rules[0].Filters![0].ExtensionData!.ContainsKey("cors"));
        Assert.Equal("Cookie", route.Spec.Rules[0].SessionPersistence!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Legacy_pools_models_objectives_and_LeaderWorkerSets_round_trip()
    {
        RoundTrip<InferenceX.InferencePool>("""
            apiVersion: inference.networking.x-k8s.io/v1alpha2
            kind: InferencePool
            metadata: {name: pool}
            spec:
              selector: {app: vllm}
              targetPortNumber: 8000
              extensionRef: {name: epp, portNumber: 9002, failureMode: FailClose, extra: 1}
            """);
        RoundTrip<InferenceX.InferenceModel>("""
            apiVersion: inference.networking.x-k8s.io/v1alpha2
            kind: InferenceModel
            metadata: {name: m}
            spec:
              modelName: facebook/opt-125m
              criticality: Critical
              targetModels: [{name: lora-a, weight: 10}]
              poolRef: {name: pool}
            """);
        RoundTrip<Llmd.V1Alpha2.InferenceObjective>("""
            apiVersion: llm-d.ai/v1alpha2
            kind: InferenceObjective
            metadata: {name: o}
            spec:
              priority: -5
              poolRef: {group: inference.networking.k8s.io, kind: InferencePool, name: pool}
            """);
        var lws = RoundTrip<Lws.LeaderWorkerSet>("""
            apiVersion: leaderworkerset.x-k8s.io/v1
            kind: LeaderWorkerSet
            metadata: {name: lws}
            spec:
              replicas: 2
              leaderWorkerTemplate:
                size: 4
                restartPolicy: RecreateGroupOnPodRestart
                workerTemplate:
                  metadata: {labels: {role: worker}}
                  spec:
                    containers:
                      - name: vllm
                        image: vllm/vllm-openai:v0.11.2
              rolloutStrategy:
                type: RollingUpdate
                rollingUpdateConfiguration: {maxUnavailable: 1, maxSurge: 25%}
              startupPolicy: LeaderReady
            """);
        Assert.Equal("25%", lws.Spec!.RolloutStrategy!.RollingUpdateConfiguration!.MaxSurge!.Value);
        Assert.Equal("vllm", lws.Spec.LeaderWorkerTemplate!.WorkerTemplate!.Spec.Containers[0].Name);
    }

    [Fact]
    public void An_EndpointPickerConfig_reads_and_keeps_plugin_parameters()
    {
        var config = RoundTrip<Llmd.V1Alpha1.EndpointPickerConfig>("""
            apiVersion: llm-d.ai/v1alpha1
            kind: EndpointPickerConfig
            plugins:
              - type: prefix-based-pd-decider
                parameters: {nonCachedTokens: 16}
              - type: max-score-picker
            schedulingProfiles:
              - name: decode
                plugins:
                  - pluginRef: max-score-picker
                  - {pluginRef: queue-scorer, weight: 1}
            featureGates: [prepareDataPlugins]
            """);
        Assert.Equal(16, config.Plugins![0].Parameters!["nonCachedTokens"]!.GetValue<int>());
        Assert.Equal("llm-d.ai/v1alpha1", Llmd.V1Alpha1.EndpointPickerConfig.KubeApiVersion);
    }

    [Fact]
    public void Unknown_fields_of_a_preset_survive_read_merge_write()
    {
        // The preset (base) sets fields our schema does not declare, at the root and at every nested level.
        var preset = Read<Inference.InferencePool>("""
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: pool
            futureTopLevel: 1
            spec:
              selector:
                matchLabels: {app: vllm}
                futureSelectorField: x
              targetPorts:
                - number: 8000
                  futurePortField: true
              endpointPickerRef:
                name: epp
                port: {number: 9002, futurePortOption: a}
                futureRefField: {nested: [1, 2]}
              futureSpecField: [a, b]
            """);
        // The overlay (the operator's forced fields) sets known fields and one unknown field of its own.
        var overlay = Read<Inference.InferencePool>("""
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            spec:
              selector:
                matchLabels: {llm-d.ai/model: opt}
              endpointPickerRef:
                name: opt-epp
                futureRefField: replaced
              futureOverlayField: 7
            """);

        var merged = Keel.Model.Merging.ObjectMerger.Merge(preset, overlay);

        // Extension data unites by key (the overlay wins per key); the selector is an atomic struct (as upstream
        // declares it), so the overlay's replaces the base's whole; the base's targetPorts stay (the overlay sets none).
        JsonAssert.Equivalent(JsonNode.Parse("""
            {
              "apiVersion": "inference.networking.k8s.io/v1",
              "kind": "InferencePool",
              "metadata": {"name": "pool"},
              "futureTopLevel": 1,
              "spec": {
                "selector": {"matchLabels": {"llm-d.ai/model": "opt"}},
                "targetPorts": [{"number": 8000, "futurePortField": true}],
                "endpointPickerRef": {"name": "opt-epp", "port": {"number": 9002, "futurePortOption": "a"}, "futureRefField": "replaced"},
                "futureSpecField": ["a", "b"],
                "futureOverlayField": 7
              }
            }
            """), KeelJson.SerializeToNode(merged), "merged InferencePool");
    }

    [Fact]
    public void New_upstream_objects_carry_their_apiVersion_and_kind()
    {
        var node = KeelJson.SerializeToNode(new Inference.InferencePool())!;
        Assert.Equal("inference.networking.k8s.io/v1", node["apiVersion"]!.GetValue<string>());
        Assert.Equal("InferencePool", node["kind"]!.GetValue<string>());
        Assert.Equal(2, node.AsObject().Count);
    }

    private static T Read<T>(string yaml)
    {
        var document = KeelYaml.ParseSingle(yaml);
        return KeelJson.Deserialize<T>(document.Root, positions: document.Positions);
    }

    private static T RoundTrip<T>(string yaml)
    {
        var document = KeelYaml.ParseSingle(yaml);
        var typed = KeelJson.Deserialize<T>(document.Root, positions: document.Positions);
        JsonAssert.Equivalent(document.Root, KeelJson.SerializeToNode(typed), typeof(T).Name);
        return typed;
    }
}
