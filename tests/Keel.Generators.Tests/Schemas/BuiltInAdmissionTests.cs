using System.Text.Json.Nodes;
using k8s;
using Keel.ApiServer.Schema;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// Realistic built-in objects, admitted by the local API server's schema engine against the catalog's
/// schemas: nothing is pruned (the schema knows every field the client sends) and nothing is rejected.
/// </summary>
public sealed class BuiltInAdmissionTests
{
    public static TheoryData<string, string, string> Objects => new()
    {
        { "apps/v1", "Deployment", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: decode, namespace: default, labels: {app: vllm}, ownerReferences: [{apiVersion: llm-d.ai/v1alpha1, kind: ModelService, name: m, uid: u1, controller: true}]}
            spec:
              replicas: 2
              selector: {matchLabels: {app: vllm}}
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}
              template:
                metadata: {labels: {app: vllm}}
                spec:
                  initContainers:
                  - {name: routing-proxy, image: sidecar:v1, restartPolicy: Always, ports: [{containerPort: 8000, name: sidecar}]}
                  containers:
                  - name: vllm
                    image: vllm:v1
                    args: [--port, "8200"]
                    env: [{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf, key: HF_TOKEN}}}, {name: A, value: "1"}]
                    ports: [{containerPort: 8200, protocol: TCP}]
                    resources: {limits: {nvidia.com/gpu: "1", memory: 64Gi}, requests: {cpu: 500m}}
                    readinessProbe: {httpGet: {path: /health, port: 8200}, periodSeconds: 5}
                    volumeMounts: [{name: model-storage, mountPath: /models, readOnly: true}]
                    securityContext: {capabilities: {add: [IPC_LOCK]}}
                  volumes: [{name: model-storage, persistentVolumeClaim: {claimName: models}}, {name: shm, emptyDir: {medium: Memory, sizeLimit: 1Gi}}]
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: gpu, operator: In, values: [h100]}]}]}}}
            """ },
        { "v1", "Service", """
            apiVersion: v1
            kind: Service
            metadata: {name: epp, namespace: default}
            spec: {type: ClusterIP, selector: {app: epp}, ports: [{name: grpc, port: 9002, targetPort: 9002, protocol: TCP, appProtocol: http2}]}
            """ },
        { "v1", "Secret", """
            apiVersion: v1
            kind: Secret
            metadata: {name: hf, namespace: default}
            type: Opaque
            data: {HF_TOKEN: aGVsbG8=}
            """ },
        { "rbac.authorization.k8s.io/v1", "RoleBinding", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: epp, namespace: default}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: epp}
            subjects: [{kind: ServiceAccount, name: epp, namespace: default}]
            """ },
        { "coordination.k8s.io/v1", "Lease", """
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: leader, namespace: default}
            spec: {holderIdentity: pod-1, leaseDurationSeconds: 15, renewTime: "2025-01-01T00:00:00.000000Z"}
            """ },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Realistic_object_is_admitted_without_pruning(string apiVersion, string kind, string yaml)
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find(apiVersion, kind)!.OpenApiV3SchemaJson)!.AsObject();
        var admission = new CustomResourceAdmission(Keel.ApiServer.Schema.StructuralSchema.Parse(schema));

        // Through the real client serializer, as the operator would send it.
        var typed = KubernetesYaml.LoadAllFromString(yaml).Single();
        Assert.IsAssignableFrom<IKubernetesObject>(typed);
        var json = JsonNode.Parse(KubernetesJson.Serialize(typed))!.AsObject();

        var result = admission.Admit(json, null, FieldValidationMode.Strict);
        Assert.True(result.IsValid, string.Join("; ", result.Errors) + result.StrictDecodingError);
        Assert.Empty(result.UnknownFields); // strict mode: a field the schema lacked would have been reported here

        if (kind == "Deployment")
        {
            // The schema's defaults apply: the sidecar port left its protocol out.
            var port = json["spec"]!["template"]!["spec"]!["initContainers"]![0]!["ports"]![0]!;
            Assert.Equal("TCP", port["protocol"]!.GetValue<string>());
        }
    }
}
