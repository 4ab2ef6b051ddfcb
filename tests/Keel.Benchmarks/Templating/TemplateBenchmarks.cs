using BenchmarkDotNet.Attributes;
using Keel.Model.Templating;

namespace Keel.Benchmarks.Templating;

/// <summary>
/// Parse + render of a realistic preset part (a decodeDeployment of ~80 lines with field and
/// getPort actions) against rendering the already-parsed template (the operator's cached path).
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private const string DecodeDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .DecodeDeploymentName }}
          namespace: {{ .ModelServiceNamespace }}
          labels:
            app.kubernetes.io/name: {{ .ModelServiceName }}
            llm-d.ai/model: {{ .SanitizedModelName }}
            llm-d.ai/role: decode
        spec:
          replicas: 1
          selector:
            matchLabels:
              llm-d.ai/model: {{ .SanitizedModelName }}
              llm-d.ai/role: decode
          template:
            metadata:
              labels:
                llm-d.ai/model: {{ .SanitizedModelName }}
                llm-d.ai/role: decode
              annotations:
                llm-d.ai/served-model: {{ .ModelName | quote }}
            spec:
              serviceAccountName: {{ .ModelServiceName }}-sa
              initContainers:
              - name: routing-proxy
                image: ghcr.io/llm-d/llm-d-routing-sidecar:0.0.6
                args:
                - --port={{ "app_port" | getPort }}
                - --vllm-port={{ "internal" | getPort }}
                - --connector=nixlv2
                ports:
                - containerPort: {{ "app_port" | getPort }}
                  protocol: TCP
                restartPolicy: Always
              containers:
              - name: vllm
                image: ghcr.io/llm-d/llm-d:0.0.8
                command: ["vllm", "serve"]
                args:
                - {{ .HFModelName }}
                - --port
                - "{{ "internal" | getPort }}"
                - --served-model-name
                - {{ .ModelName | quote }}
                - --enforce-eager
                - --kv-transfer-config
                - '{"kv_connector":"NixlConnector","kv_role":"kv_both"}'
                env:
                - name: HF_HOME
                  value: {{ .MountedModelPath }}
                {{- if .AuthSecretName }}
                - name: HF_TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: {{ .AuthSecretName }}
                      key: HF_TOKEN
                {{- end }}
                - name: VLLM_NIXL_SIDE_CHANNEL_HOST
                  valueFrom:
                    fieldRef:
                      fieldPath: status.podIP
                ports:
                - containerPort: {{ "internal" | getPort }}
                  protocol: TCP
                - containerPort: 5557
                  protocol: TCP
                readinessProbe:
                  httpGet:
                    path: /health
                    port: {{ "internal" | getPort }}
                  periodSeconds: 5
                resources:
                  limits:
                    nvidia.com/gpu: 1
                volumeMounts:
                - name: model-storage
                  mountPath: {{ .MountedModelPath }}
              volumes:
              - name: model-storage
                emptyDir: {}
        """;

    private readonly TemplateVariables variables = TemplateVariables.From(
        "my-llama", "team-a", "meta-llama/Llama-3.2-3B-Instruct", "hf://meta-llama/Llama-3.2-3B-Instruct", "hf-token",
        [new("app_port", 8000), new("internal", 8200)]);

    private GoTemplate parsed = null!;

    [GlobalSetup]
    public void Setup() => parsed = GoTemplate.Parse("decodeDeployment", DecodeDeployment).Value!;

    [Benchmark(Baseline = true)]
    public string ParseAndRender() => GoTemplate.Parse("decodeDeployment", DecodeDeployment).Value!.Execute(variables).Value!;

    [Benchmark]
    public string RenderCached() => parsed.Execute(variables).Value!;

    [Benchmark]
    public string RenderCachedTwice() => parsed.Execute(variables).Value! + parsed.Execute(variables).Value!;
}
