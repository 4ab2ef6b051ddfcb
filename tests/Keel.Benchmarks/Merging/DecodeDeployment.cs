using k8s;
using k8s.Models;

namespace Keel.Benchmarks.Merging;

/// <summary>
/// A realistic pair: a preset's vLLM decode Deployment (routing sidecar, env, volumes, probes, resources)
/// and the overlay a ModelService produces for it.
/// </summary>
public static class DecodeDeployment
{
    public static V1Deployment Preset() => KubernetesYaml.Deserialize<V1Deployment>("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: qwen-decode
          labels: {app.kubernetes.io/name: vllm, llm-d.ai/role: decode, llm-d.ai/inferenceServing: "true"}
          annotations: {preset: decode-default}
        spec:
          replicas: 2
          selector: {matchLabels: {llm-d.ai/role: decode}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
          template:
            metadata:
              labels: {llm-d.ai/role: decode, llm-d.ai/inferenceServing: "true"}
            spec:
              serviceAccountName: decode-sa
              terminationGracePeriodSeconds: 60
              tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
              initContainers:
              - name: routing-proxy
                image: ghcr.io/llm-d/llm-d-routing-sidecar:v0.2.0
                restartPolicy: Always
                args: [--port=8000, --vllm-port=8200, --connector=nixlv2, -v=5]
                ports: [{containerPort: 8000, protocol: TCP, name: sidecar}]
                env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
                securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}
              containers:
              - name: vllm
                image: ghcr.io/llm-d/llm-d:v0.2.0
                command: [vllm, serve]
                args: [--port, "8200", --enforce-eager, --kv-transfer-config, '{"kv_connector":"NixlConnector","kv_role":"kv_both"}']
                ports:
                - {containerPort: 8200, protocol: TCP, name: vllm}
                - {containerPort: 5557, protocol: TCP, name: nixl}
                env:
                - {name: VLLM_NIXL_SIDE_CHANNEL_PORT, value: "5557"}
                - {name: VLLM_NIXL_SIDE_CHANNEL_HOST, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                - {name: VLLM_LOGGING_LEVEL, value: INFO}
                - {name: UCX_TLS, value: "cuda_ipc,cuda_copy,tcp"}
                - {name: HF_HOME, value: /model-cache}
                resources:
                  limits: {nvidia.com/gpu: "1", memory: 64Gi, cpu: "16"}
                  requests: {nvidia.com/gpu: "1", memory: 32Gi, cpu: "8"}
                readinessProbe: {httpGet: {path: /health, port: 8200}, periodSeconds: 5, failureThreshold: 3}
                livenessProbe: {httpGet: {path: /health, port: 8200}, periodSeconds: 10, initialDelaySeconds: 120}
                startupProbe: {httpGet: {path: /health, port: 8200}, periodSeconds: 10, failureThreshold: 60}
                volumeMounts:
                - {name: model-storage, mountPath: /model-cache}
                - {name: shm, mountPath: /dev/shm}
                securityContext: {capabilities: {add: [IPC_LOCK, SYS_RAWIO]}}
              volumes:
              - {name: model-storage, emptyDir: {sizeLimit: 100Gi}}
              - {name: shm, emptyDir: {medium: Memory, sizeLimit: 16Gi}}
        """);

    public static V1Deployment Overlay() => KubernetesYaml.Deserialize<V1Deployment>("""
        metadata:
          labels: {llm-d.ai/model: qwen3-0-6b}
          ownerReferences: [{apiVersion: llm-d.ai/v1alpha1, kind: ModelService, name: qwen, uid: 1b2c3d, controller: true}]
        spec:
          replicas: 0
          template:
            metadata:
              labels: {llm-d.ai/model: qwen3-0-6b}
            spec:
              containers:
              - name: vllm
                image: ghcr.io/llm-d/llm-d:v0.2.1
                args: [Qwen/Qwen3-0.6B]
                env:
                - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf-token, key: HF_TOKEN}}}
                - {name: VLLM_LOGGING_LEVEL, value: DEBUG}
                resources:
                  limits: {nvidia.com/gpu: "2"}
                  requests: {nvidia.com/gpu: "2"}
                volumeMounts:
                - {name: model-storage, mountPath: /model-cache, readOnly: true}
              volumes:
              - {name: model-storage, persistentVolumeClaim: {claimName: qwen-models, readOnly: true}}
        """);
}
