namespace Keel.Model.Tests.Rendering;

/// <summary>Preset parts (ConfigMap form: template text) shared by the rule tests.</summary>
internal static class Parts
{
    public const string DecodeDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.11.2
                  command: [vllm, serve]
                  args: ["--port", "{{ "http" | getPort }}"]
                  ports:
                    - containerPort: {{ "http" | getPort }}
                  env:
                    - name: LOG
                      value: info
        """;

    public const string PrefillDeployment = """
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.11.2
                  args: ["--port", "{{ "http" | getPort }}"]
        """;

    public const string EppDeployment = """
        spec:
          template:
            spec:
              containers:
                - name: epp
                  image: ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.5.0
                  args: ["--pool-name", "{{ .InferencePoolName }}"]
        """;

    public const string Service = """
        spec:
          selector:
            app: extra
          ports:
            - name: http
              port: {{ "http" | getPort }}
        """;

    public const string InferencePool = """
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        spec:
          targetPorts:
            - number: {{ "http" | getPort }}
          endpointPickerRef:
            failureMode: FailOpen
        """;

    public const string LegacyInferencePool = """
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferencePool
        spec:
          selector:
            app: extra
          targetPortNumber: {{ "http" | getPort }}
          extensionRef:
            failureMode: FailClose
        """;

    public const string InferenceModel = """
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferenceModel
        spec:
          criticality: Critical
        """;

    public const string HttpRoute = """
        spec:
          parentRefs:
            - name: shared-gateway
          rules:
            - matches:
                - path: {type: PathPrefix, value: /}
              timeouts:
                request: 300s
        """;
}
