using System.Text.Json.Nodes;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>
/// A hand-written ModelService-like CRD (not the generated one): map lists keyed by name, defaults, Gateway API
/// ParentReference constraints, int-or-string quantities, embedded status conditions and the CEL admission rules.
/// </summary>
internal static class ModelServiceCrd
{
    private const string Quantity = """
        {"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}],
         "pattern":"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"}
        """;

    private static readonly string Container = """
        {"type":"object","required":["name"],"properties":{
          "name":{"type":"string","minLength":1},
          "image":{"type":"string"},
          "command":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}},
          "args":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}},
          "env":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
            "items":{"type":"object","required":["name"],"properties":{
              "name":{"type":"string"},"value":{"type":"string"},
              "valueFrom":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}},
          "envFrom":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
          "resources":{"type":"object","properties":{
            "limits":{"type":"object","additionalProperties":@QUANTITY@},
            "requests":{"type":"object","additionalProperties":@QUANTITY@}}},
          "mountModelVolume":{"type":"boolean"}}}
        """.Replace("@QUANTITY@", Quantity, StringComparison.Ordinal);

    private static readonly string PdSpec = """
        {"type":"object","properties":{
          "replicas":{"type":"integer","format":"int32","minimum":0,"nullable":true,"default":1},
          "containers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":@CONTAINER@},
          "initContainers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":@CONTAINER@},
          "parallelism":{"type":"object","properties":{
            "tensor":{"type":"integer","format":"int32","minimum":0,"default":1},
            "data":{"type":"integer","format":"int32","minimum":0},
            "dataLocal":{"type":"integer","format":"int32","minimum":0},
            "workers":{"type":"integer","format":"int32","minimum":0}}},
          "acceleratorTypes":{"type":"object","required":["labelKey","labelValues"],
            "x-kubernetes-validations":[{"rule":"self.labelKey.trim() != ''","message":"labelKey must not be blank","fieldPath":".labelKey","reason":"FieldValueRequired"}],
            "properties":{
              "labelKey":{"type":"string"},
              "labelValues":{"type":"array","minItems":1,"items":{"type":"string"}}}}}}
        """.Replace("@CONTAINER@", Container, StringComparison.Ordinal);

    private const string ParentReference = """
        {"type":"object","required":["name"],"properties":{
          "group":{"type":"string","default":"gateway.networking.k8s.io","maxLength":253,
            "pattern":"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},
          "kind":{"type":"string","default":"Gateway","minLength":1,"maxLength":63,"pattern":"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$"},
          "name":{"type":"string","minLength":1,"maxLength":253},
          "namespace":{"type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},
          "sectionName":{"type":"string","minLength":1,"maxLength":253,
            "pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},
          "port":{"type":"integer","format":"int32","minimum":1,"maximum":65535}}}
        """;

    private static readonly string Spec = """
        {"type":"object","required":["routing","modelArtifacts"],
         "x-kubernetes-validations":[
           {"rule":"!(has(self.baseConfigRef) && has(self.baseConfigMapRef))","message":"baseConfigRef and baseConfigMapRef are mutually exclusive"}],
         "properties":{
          "baseConfigMapRef":{"type":"object","x-kubernetes-map-type":"atomic","properties":{
            "name":{"type":"string"},"namespace":{"type":"string"},"apiVersion":{"type":"string"},"kind":{"type":"string"},
            "uid":{"type":"string"},"resourceVersion":{"type":"string"},"fieldPath":{"type":"string"}}},
          "baseConfigRef":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1},"namespace":{"type":"string"}}},
          "routing":{"type":"object","required":["modelName"],"properties":{
            "modelName":{"type":"string","maxLength":256,"x-kubernetes-validations":[{"rule":"self == oldSelf","message":"modelName is immutable"}]},
            "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","required":["name","port"],"properties":{
                "name":{"type":"string"},"port":{"type":"integer","format":"int32","minimum":1}}}},
            "gatewayRefs":{"type":"array","maxItems":32,"items":@PARENTREF@}}},
          "modelArtifacts":{"type":"object","required":["uri"],"properties":{
            "uri":{"type":"string","x-kubernetes-validations":[
              {"rule":"self.startsWith('hf://') || self.startsWith('pvc://') || self.startsWith('oci://')",
               "messageExpression":"'unsupported model URI ' + self + ': the scheme must be hf://, pvc:// or oci://'"}]},
            "authSecretName":{"type":"string"},
            "size":@QUANTITY@}},
          "decoupleScaling":{"type":"boolean"},
          "decode":@PDSPEC@,
          "prefill":@PDSPEC@,
          "endpointPicker":{"type":"object","properties":{
            "replicas":{"type":"integer","format":"int32","minimum":0},
            "containers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":@CONTAINER@}}}}}
        """.Replace("@QUANTITY@", Quantity, StringComparison.Ordinal).Replace("@CONTAINER@", Container, StringComparison.Ordinal)
        .Replace("@PDSPEC@", PdSpec, StringComparison.Ordinal).Replace("@PARENTREF@", ParentReference, StringComparison.Ordinal);

    private const string Status = """
        {"type":"object","properties":{
          "observedGeneration":{"type":"integer","format":"int64"},
          "prefillReady":{"type":"string"},"prefillAvailable":{"type":"integer","format":"int32"},
          "decodeReady":{"type":"string"},"decodeAvailable":{"type":"integer","format":"int32"},
          "conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],
            "items":{"type":"object","required":["type","status","lastTransitionTime","reason","message"],"properties":{
              "type":{"type":"string","maxLength":316,"pattern":"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"},
              "status":{"type":"string","enum":["True","False","Unknown"]},
              "observedGeneration":{"type":"integer","format":"int64","minimum":0},
              "lastTransitionTime":{"type":"string","format":"date-time"},
              "reason":{"type":"string","minLength":1,"maxLength":1024,"pattern":"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"},
              "message":{"type":"string","maxLength":32768}}}}}}
        """;

    public static JsonObject Definition()
    {
        var schema = """
            {"type":"object","properties":{
              "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},
              "spec":@SPEC@,"status":@STATUS@}}
            """.Replace("@SPEC@", Spec, StringComparison.Ordinal).Replace("@STATUS@", Status, StringComparison.Ordinal);
        var crd = SchemaKit.Json("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"modelservices.llm-d.ai"},
             "spec":{"group":"llm-d.ai","scope":"Namespaced",
               "names":{"plural":"modelservices","singular":"modelservice","kind":"ModelService","listKind":"ModelServiceList","shortNames":["msvc"]},
               "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
                 "additionalPrinterColumns":[
                   {"name":"Decouple Scaling","type":"boolean","jsonPath":".spec.decoupleScaling"},
                   {"name":"Prefill READY","type":"string","jsonPath":".status.prefillReady"},
                   {"name":"Prefill AVAIL","type":"integer","jsonPath":".status.prefillAvailable"},
                   {"name":"Decode READY","type":"string","jsonPath":".status.decodeReady"},
                   {"name":"Decode AVAIL","type":"integer","jsonPath":".status.decodeAvailable"},
                   {"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}],
                 "schema":{"openAPIV3Schema":{}}}]}}
            """);
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"] = JsonNode.Parse(schema);
        return crd;
    }

    public static JsonObject OpenApiSchema() => Definition()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>A complete, valid ModelService (P/D disaggregated, HF model, one gateway).</summary>
    public static JsonObject Sample() => SchemaKit.Json("""
        {"apiVersion":"llm-d.ai/v1alpha1","kind":"ModelService",
         "metadata":{"name":"llama","namespace":"team-a","labels":{"app":"llama"}},
         "spec":{
           "baseConfigMapRef":{"name":"basic-gpu-preset"},
           "routing":{"modelName":"meta-llama/Llama-3.1-8B-Instruct",
             "ports":[{"name":"app_port","port":8000},{"name":"internal_port","port":8200}],
             "gatewayRefs":[{"name":"inference-gateway"}]},
           "modelArtifacts":{"uri":"hf://meta-llama/Llama-3.1-8B-Instruct","authSecretName":"hf-token","size":"50Gi"},
           "decoupleScaling":false,
           "decode":{"replicas":2,
             "containers":[{"name":"vllm","args":["--enforce-eager"],"env":[{"name":"VLLM_LOGGING_LEVEL","value":"DEBUG"}],
               "resources":{"limits":{"nvidia.com/gpu":1,"memory":"64Gi"}},"mountModelVolume":true}],
             "parallelism":{},
             "acceleratorTypes":{"labelKey":"nvidia.com/gpu.product","labelValues":["NVIDIA-H100-80GB-HBM3"]}},
           "prefill":{"containers":[{"name":"vllm"}]}}}
        """);
}
