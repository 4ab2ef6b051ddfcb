using System.Text.Json.Nodes;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>
/// One test per **fix** of the spec (sections 2–5): where the original behaved badly and Keel does better on purpose.
/// docs/compatibility.md names each test.
/// </summary>
public sealed class FixRuleTests
{
    [Fact]
    public void Fix_an_explicit_zero_replicas_overrides_the_preset()
    {
        var deployment = Json(Ok(ModelServiceWith("decode: {replicas: 0}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment);
        Assert.Equal(0, At(deployment, "spec.replicas")!.GetValue<int>());
    }

    [Fact]
    public void Fix_volumes_mounts_and_ports_merge_by_key_instead_of_duplicating()
    {
        const string preset = """
            spec:
              template:
                spec:
                  volumes:
                    - name: model-storage
                      emptyDir: {medium: Memory}
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      ports: [{containerPort: 8000}]
                      volumeMounts:
                        - {name: model-storage, mountPath: /model-cache, readOnly: false}
            """;
        var ms = ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      mountModelVolume: true");
        var deployment = Json(Ok(ms, ConfigMap(("decodeDeployment", preset))), ChildRole.DecodeDeployment);

        // One volume: the hf:// emptyDir merged by name into the preset's (medium kept, sizeLimit unset here).
        var volume = Assert.Single(At(deployment, "spec.template.spec.volumes")!.AsArray());
        Assert.Equal("""{"emptyDir":{"medium":"Memory"},"name":"model-storage"}""", volume!.ToJsonString());
        var mount = Assert.Single(Container(deployment, "vllm")["volumeMounts"]!.AsArray());
        Assert.Equal("""{"mountPath":"/model-cache","name":"model-storage","readOnly":false}""", mount!.ToJsonString());
        Assert.Single(Container(deployment, "vllm")["ports"]!.AsArray());
    }

    [Fact]
    public void Fix_setting_env_value_clears_the_preset_valueFrom()
    {
        const string preset = """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      env:
                        - name: LOG
                          valueFrom: {configMapKeyRef: {name: cfg, key: log}}
            """;
        var deployment = Json(Ok(ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      env: [{name: LOG, value: debug}]"), ConfigMap(("decodeDeployment", preset))), ChildRole.DecodeDeployment);
        Assert.Equal("""[{"name":"LOG","value":"debug"}]""", Container(deployment, "vllm")["env"]!.ToJsonString());
    }

    [Fact]
    public void Fix_accelerator_types_are_ANDed_into_every_required_node_selector_term()
    {
        const string preset = """
            spec:
              template:
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
                          - matchExpressions: [{key: zone, operator: In, values: [a]}]
                  containers:
                    - {name: vllm, image: vllm/vllm-openai:v0.11.2}
            """;
        var spec = "decode:\n  acceleratorTypes: {labelKey: nvidia.com/gpu.product, labelValues: [H100, H200]}";
        const string terms = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
        var anded = At(Json(Ok(ModelServiceWith(spec), ConfigMap(("decodeDeployment", preset))), ChildRole.DecodeDeployment), terms)!.AsArray();
        Assert.Equal(
            """[{"matchExpressions":[{"key":"kubernetes.io/arch","operator":"In","values":["amd64"]},{"key":"nvidia.com/gpu.product","operator":"In","values":["H100","H200"]}]},"""
            + """{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]},{"key":"nvidia.com/gpu.product","operator":"In","values":["H100","H200"]}]}]""",
            anded.ToJsonString());

        // Without a preset affinity the requirement is the only term.
        var only = At(Json(Ok(ModelServiceWith(spec), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), terms)!.AsArray();
        Assert.Equal("""[{"matchExpressions":[{"key":"nvidia.com/gpu.product","operator":"In","values":["H100","H200"]}]}]""", only.ToJsonString());
    }

    [Fact]
    public void Fix_prefill_exists_only_when_the_modelservice_sets_spec_prefill()
    {
        var preset = ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment), ("prefillService", Parts.Service));
        var without = Ok(ModelService(), preset);
        Assert.Null(without.Child(ChildRole.PrefillDeployment));
        Assert.Null(without.Child(ChildRole.PrefillService));
        Assert.Null(without.References.PrefillDeploymentRef);

        var with = Ok(ModelServiceWith("prefill: {replicas: 3}"), preset);
        Assert.Equal(3, At(Json(with, ChildRole.PrefillDeployment), "spec.replicas")!.GetValue<int>());
        Assert.NotNull(with.Child(ChildRole.PrefillService));
    }

    [Fact]
    public void Fix_endpointPicker_args_are_rendered_like_decode_and_prefill_args()
    {
        var result = Ok(ModelServiceWith("endpointPicker:\n  containers:\n    - name: epp\n      args: [--pool-namespace, \"{{ .ModelServiceNamespace }}\"]"), ConfigMap(("eppDeployment", Parts.EppDeployment)));
        Assert.Equal(["--pool-namespace", "team", "--pool-name", "ms-inference-pool"], Strings(Container(Json(result, ChildRole.EppDeployment), "epp")["args"]));
    }

    [Fact]
    public void Fix_model_environment_is_merged_with_the_container_env()
    {
        var ms = ModelService(BaseModelService.Replace("  modelArtifacts:\n", "  modelArtifacts:\n    authSecretName: hf-secret\n", StringComparison.Ordinal)
            + "\n  decode:\n    containers:\n      - name: vllm\n        mountModelVolume: true\n        env: [{name: EXTRA, value: '1'}]");
        var env = Container(Json(Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "vllm")["env"]!.AsArray();
        Assert.Equal(["LOG", "EXTRA", "HF_TOKEN", "HF_HOME"], env.Select(e => e!["name"]!.GetValue<string>()).ToArray());
        Assert.Equal("""{"secretKeyRef":{"key":"HF_TOKEN","name":"hf-secret"}}""", env[2]!["valueFrom"]!.ToJsonString());
        Assert.Equal("/model-cache", env[3]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Fix_oci_models_are_mounted_as_an_image_volume()
    {
        var ms = ModelService(BaseModelService.Replace("hf://facebook/opt-125m", "oci://registry.example.com/models/opt:1", StringComparison.Ordinal)
            + "\n  decode:\n    containers:\n      - name: vllm\n        mountModelVolume: true");
        var deployment = Json(Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment);
        Assert.Equal("""[{"image":{"pullPolicy":"IfNotPresent","reference":"registry.example.com/models/opt:1"},"name":"model-storage"}]""", At(deployment, "spec.template.spec.volumes")!.ToJsonString());
        Assert.Equal("""[{"mountPath":"/model-cache","name":"model-storage","readOnly":true}]""", Container(deployment, "vllm")["volumeMounts"]!.ToJsonString());
        Assert.Null(Container(deployment, "vllm")["env"]!.AsArray().FirstOrDefault(e => e!["name"]!.GetValue<string>() == "HF_HOME"));
    }

    [Fact]
    public void Fix_parallelism_sets_the_accelerator_count_and_the_vllm_flags()
    {
        const string preset = """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      args: [--port, "8000"]
                      resources: {limits: {amd.com/gpu: "1"}, requests: {amd.com/gpu: "1", cpu: "4"}}
            """;
        var ms = ModelServiceWith("decode:\n  parallelism: {tensor: 4, data: 2, dataLocal: 2}\n  containers:\n    - name: vllm\n      mountModelVolume: true");
        var vllm = Container(Json(Ok(ms, ConfigMap(("decodeDeployment", preset))), ChildRole.DecodeDeployment), "vllm");
        Assert.Equal("""{"limits":{"amd.com/gpu":"8"},"requests":{"amd.com/gpu":"8","cpu":"4"}}""", vllm["resources"]!.ToJsonString());
        Assert.Equal(["--port", "8000", "--tensor-parallel-size", "4", "--data-parallel-size", "2", "--data-parallel-size-local", "2"], Strings(vllm["args"]));

        // Unknown accelerator: nvidia.com/gpu in limits. A flag already in the args is not added twice.
        var ms2 = ModelServiceWith("decode:\n  parallelism: {tensor: 2}\n  containers:\n    - name: vllm\n      mountModelVolume: true\n      args: [--tensor-parallel-size=2]");
        var vllm2 = Container(Json(Ok(ms2, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "vllm");
        Assert.Equal("""{"limits":{"nvidia.com/gpu":"2"}}""", vllm2["resources"]!.ToJsonString());
        Assert.Equal(["--tensor-parallel-size=2", "--port", "8000"], Strings(vllm2["args"]));
    }

    [Fact]
    public void Fix_parallelism_leaves_an_accelerator_count_the_modelservice_sets_itself()
    {
        var ms = ModelServiceWith("decode:\n  parallelism: {tensor: 8}\n  containers:\n    - name: vllm\n      mountModelVolume: true\n      resources: {limits: {nvidia.com/gpu: '4'}}");
        var vllm = Container(Json(Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "vllm");
        Assert.Equal("""{"limits":{"nvidia.com/gpu":"4"}}""", vllm["resources"]!.ToJsonString());
        Assert.Contains("--tensor-parallel-size", Strings(vllm["args"]));
    }

    [Fact]
    public void Fix_gatewayRefs_merge_into_parentRefs_by_group_kind_namespace_name_and_sectionName()
    {
        var modelService = ModelService();
        modelService.Spec.Routing.GatewayRefs =
        [
            new GatewayReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Name = "shared-gateway", Port = 443 },
            new GatewayReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Name = "shared-gateway", SectionName = "https" },
            new GatewayReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Name = "shared-gateway", Namespace = "other" },
            new GatewayReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Name = "shared-gateway", Namespace = "team", Port = 8443 },
        ];
        var route = Json(Ok(modelService, ConfigMap(("httpRoute", Parts.HttpRoute), ("inferencePool", Parts.InferencePool), ("eppDeployment", Parts.EppDeployment))), ChildRole.HttpRoute);

        // The preset's shared-gateway (same group, kind, namespace (the route's), name and no section) is the first and
        // the fourth gatewayRef: merged once, the later port winning. The section and the other namespace are new parents.
        Assert.Equal(
            """[{"group":"gateway.networking.k8s.io","kind":"Gateway","name":"shared-gateway","namespace":"team","port":8443},"""
            + """{"group":"gateway.networking.k8s.io","kind":"Gateway","name":"shared-gateway","sectionName":"https"},"""
            + """{"group":"gateway.networking.k8s.io","kind":"Gateway","name":"shared-gateway","namespace":"other"}]""",
            At(route, "spec.parentRefs")!.ToJsonString());
    }

    [Fact]
    public void Fix_unknown_fields_are_reported_with_key_line_and_column()
    {
        const string preset = """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      imagePullPolicyy: Always
                      image: vllm/vllm-openai:v0.11.2
            """;
        var result = Ok(ModelService(), ConfigMap(("decodeDeployment", preset)));
        var warning = Assert.Single(result.Warnings, w => w.Reason == RenderReasons.UnknownField);
        Assert.Equal("preset ConfigMap team/preset, key decodeDeployment, line 6, column 29: unknown field \"spec.template.spec.containers[0].imagePullPolicyy\" dropped", warning.Message);
        Assert.Equal("preset:decodeDeployment.spec.template.spec.containers[0].imagePullPolicyy", warning.Location);
        Assert.Null(Container(Json(result, ChildRole.DecodeDeployment), "vllm")["imagePullPolicyy"]);
    }

    [Fact]
    public void Fix_a_preset_in_another_namespace_needs_to_be_trusted()
    {
        var ms = ModelService(BaseModelService.Replace("    name: preset\n", "    name: preset\n    namespace: platform\n", StringComparison.Ordinal));
        var configMap = ((ConfigMapPreset)ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).ConfigMap;
        configMap.Metadata.NamespaceProperty = "platform";
        var refused = Render(ms, PresetSource.From(configMap));
        var error = Assert.Single(refused.Errors);
        Assert.Equal(RenderReasons.PresetNamespaceNotAllowed, error.Reason);
        Assert.Contains("may not use ConfigMap platform/preset", error.Message, StringComparison.Ordinal);
        Assert.Empty(refused.Children);

        Ok(ms, PresetSource.From(configMap), Settings with { PresetTrust = new PresetTrust { OperatorNamespace = "platform" } });
        Ok(ms, PresetSource.From(configMap), Settings with { PresetTrust = new PresetTrust { OperatorNamespace = "ops", PresetNamespaces = ["platform"] } });
    }

    [Fact]
    public void Fix_long_or_rewritten_names_get_a_stable_hash_never_a_shared_fallback()
    {
        var name = new string('a', 60);
        var ms = ModelService(BaseModelService.Replace("  name: ms\n", $"  name: {name}\n", StringComparison.Ordinal));
        var result = Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        var decode = result.Child(ChildRole.DecodeDeployment)!.Name;
        Assert.True(decode.Length <= 63, decode);
        Assert.Matches("^a+-[0-9a-f]{8}$", decode);
        Assert.NotEqual(result.Child(ChildRole.WorkloadServiceAccount)!.Name, decode);
        Assert.Equal(decode, Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).Child(ChildRole.DecodeDeployment)!.Name);
    }

    [Fact]
    public void Fix_status_service_account_refs_name_the_workload_account_per_role()
    {
        var result = Ok(ModelServiceWith("prefill: {}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment), ("eppDeployment", Parts.EppDeployment)));
        Assert.Equal("ms-sa", result.References.DecodeServiceAccountRef);
        Assert.Equal("ms-sa", result.References.PrefillServiceAccountRef);
        Assert.Equal("ms-epp-rolebinding", result.References.EppRoleBinding);

        var decodeOnly = Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        Assert.Null(decodeOnly.References.PrefillServiceAccountRef);
        Assert.Null(decodeOnly.References.EppDeploymentRef);
    }

    [Theory]
    [InlineData("pvc://claim", "is not pvc://<claim>/<path>")]
    [InlineData("pvc://claim/", "is not pvc://<claim>/<path>")]
    [InlineData("hf://just-a-repo", "is not hf://<repo>/<model>")]
    [InlineData("s3://bucket/model", "has an unknown scheme")]
    [InlineData("HF://facebook/opt", "has an unknown scheme")]
    [InlineData("oci://", "names no image")]
    public void Fix_a_malformed_model_uri_is_an_error_not_a_pod_that_cannot_start(string uri, string message)
    {
        var result = Render(ModelService(BaseModelService.Replace("hf://facebook/opt-125m", uri, StringComparison.Ordinal)), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderReasons.InvalidModelService, error.Reason);
        Assert.Equal("spec.modelArtifacts.uri", error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Children);
    }

    [Fact]
    public void Fix_duplicate_routing_port_names_are_an_error()
    {
        var ms = ModelService(BaseModelService.Replace("        port: 8000\n", "        port: 8000\n      - name: http\n        port: 9000\n", StringComparison.Ordinal));
        Assert.Contains(Render(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).Errors, e => e.Location == "spec.routing.ports[1].name");
    }

    [Fact]
    public void Fix_an_empty_accelerator_labelKey_is_an_error()
    {
        var result = Render(ModelServiceWith("decode:\n  acceleratorTypes: {labelKey: '', labelValues: [a]}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        Assert.Contains(result.Errors, e => e.Location == "spec.decode.acceleratorTypes");
    }
}
