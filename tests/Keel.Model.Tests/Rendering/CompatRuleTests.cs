using System.Text.Json.Nodes;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Templating;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>
/// One test per **compat** rule of the spec (sections 2–5): the original operator's behaviour, matched exactly.
/// docs/compatibility.md names each test.
/// </summary>
public sealed class CompatRuleTests
{
    [Fact]
    public void Compat_template_variables_have_the_original_names_and_values()
    {
        var pvc = ModelService(BaseModelService.Replace("hf://facebook/opt-125m", "pvc://weights/meta/llama-3", StringComparison.Ordinal)
            .Replace("  modelArtifacts:", "  modelArtifacts:\n    authSecretName: token", StringComparison.Ordinal));
        var v = TemplateVariables.From(pvc);
        Assert.Equal("ms", v.ModelServiceName);
        Assert.Equal("team", v.ModelServiceNamespace);
        Assert.Equal("facebook/opt-125m", v.ModelName);
        Assert.Equal("facebook-opt-125m", v.SanitizedModelName);
        Assert.Equal(string.Empty, v.HFModelName);
        Assert.Equal("meta/llama-3", v.ModelPath);
        Assert.Equal("/model-cache/meta/llama-3", v.MountedModelPath);
        Assert.Equal("token", v.AuthSecretName);
        Assert.Equal(("ms-epp-service", "ms-epp", "ms-prefill", "ms-decode"), (v.EPPServiceName, v.EPPDeploymentName, v.PrefillDeploymentName, v.DecodeDeploymentName));
        Assert.Equal(("ms-service-prefill", "ms-service-decode", "ms-inference-pool", "ms"), (v.PrefillServiceName, v.DecodeServiceName, v.InferencePoolName, v.InferenceModelName));

        var hf = TemplateVariables.From(ModelService());
        Assert.Equal(("facebook/opt-125m", "facebook/opt-125m", "/model-cache"), (hf.HFModelName, hf.ModelPath, hf.MountedModelPath));
        Assert.Equal(8000, Assert.Single(hf.RoutingPorts).Value);
    }

    [Fact]
    public void Compat_child_names_follow_the_original_suffixes()
    {
        var result = Ok(
            ModelServiceWith("decode: {}\nprefill: {containers: [{name: vllm, image: x}]}"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("decodeService", Parts.Service), ("prefillService", Parts.Service),
                ("eppDeployment", Parts.EppDeployment), ("eppService", Parts.Service), ("inferencePool", Parts.InferencePool),
                ("inferenceModel", Parts.InferenceModel), ("httpRoute", Parts.HttpRoute)),
            Settings with { PoolApi = InferencePoolApi.V1Alpha2 });
        var names = result.Children.ToDictionary(c => c.Role, c => c.Name);
        Assert.Equal("ms-decode", names[ChildRole.DecodeDeployment]);
        Assert.Equal("ms-prefill", names[ChildRole.PrefillDeployment]);
        Assert.Equal("ms-service-decode", names[ChildRole.DecodeService]);
        Assert.Equal("ms-service-prefill", names[ChildRole.PrefillService]);
        Assert.Equal("ms-epp", names[ChildRole.EppDeployment]);
        Assert.Equal("ms-epp-service", names[ChildRole.EppService]);
        Assert.Equal("ms-sa", names[ChildRole.WorkloadServiceAccount]);
        Assert.Equal("ms-epp-sa", names[ChildRole.EppServiceAccount]);
        Assert.Equal("ms-epp-rolebinding", names[ChildRole.EppRoleBinding]);
        Assert.Equal("ms-inference-pool", names[ChildRole.InferencePool]);
        Assert.Equal("ms-http-route", names[ChildRole.HttpRoute]);
        Assert.Equal("ms", names[ChildRole.InferenceModel]);
        Assert.All(result.Children, c => Assert.Equal("team", c.Namespace));
    }

    [Fact]
    public void Compat_common_labels_and_role_labels_on_workloads_selectors_and_pods()
    {
        var result = Ok(ModelServiceWith("prefill: {}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment)));
        foreach (var (role, label) in new[] { (ChildRole.DecodeDeployment, "decode"), (ChildRole.PrefillDeployment, "prefill") })
        {
            var deployment = Json(result, role);
            foreach (var path in new[] { "metadata.labels", "spec.selector.matchLabels", "spec.template.metadata.labels" })
            {
                var labels = At(deployment, path)!.AsObject();
                Assert.Equal("true", labels["llm-d.ai/inferenceServing"]!.GetValue<string>());
                Assert.Equal("facebook-opt-125m", labels["llm-d.ai/model"]!.GetValue<string>());
                Assert.Equal(label, labels["llm-d.ai/role"]!.GetValue<string>());
            }
        }

        // Every child carries the common labels.
        Assert.All(result.Children, c => Assert.Equal("true", c.Labels["llm-d.ai/inferenceServing"]));
    }

    [Fact]
    public void Compat_epp_label_on_deployment_selector_pod_template_and_service_selector()
    {
        var result = Ok(ModelService(), ConfigMap(("eppDeployment", Parts.EppDeployment), ("eppService", Parts.Service)));
        var deployment = Json(result, ChildRole.EppDeployment);
        foreach (var path in new[] { "metadata.labels", "spec.selector.matchLabels", "spec.template.metadata.labels" })
        {
            Assert.Equal("ms-epp", At(deployment, path)!["llm-d.ai/epp"]!.GetValue<string>());
        }

        // The EPP's pods are no model servers: no common labels, so the pool never selects them.
        Assert.Null(At(deployment, "spec.template.metadata.labels")!["llm-d.ai/inferenceServing"]);
        var service = Json(result, ChildRole.EppService);
        Assert.Equal("ms-epp", At(service, "spec.selector")!["llm-d.ai/epp"]!.GetValue<string>());
        Assert.Equal("extra", At(service, "spec.selector")!["app"]!.GetValue<string>());
    }

    [Fact]
    public void Compat_args_prepend_the_modelservice_items_before_the_preset_args()
    {
        var result = Ok(
            ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      args: [\"{{ .HFModelName }}\", --enforce-eager]"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        var vllm = Container(Json(result, ChildRole.DecodeDeployment), "vllm");
        Assert.Equal(["facebook/opt-125m", "--enforce-eager", "--port", "8000"], Strings(vllm["args"]));
    }

    [Fact]
    public void Compat_a_nonempty_command_replaces_the_preset_command_and_an_empty_one_keeps_it()
    {
        var replaced = Container(Json(Ok(
            ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      command: [python, -m, vllm.entrypoints.openai.api_server]"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "vllm");
        Assert.Equal(["python", "-m", "vllm.entrypoints.openai.api_server"], Strings(replaced["command"]));

        var kept = Container(Json(Ok(
            ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      command: []"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "vllm");
        Assert.Equal(["vllm", "serve"], Strings(kept["command"]));
    }

    [Fact]
    public void Compat_merged_values_are_not_rendered_again()
    {
        // The ModelService arg renders to text holding a template; it must reach the child verbatim.
        var result = Ok(
            ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      args: ['{{ \"{{ .ModelName }}\" }}']"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        Assert.Equal("{{ .ModelName }}", Strings(Container(Json(result, ChildRole.DecodeDeployment), "vllm")["args"])[0]);
    }

    [Fact]
    public void Compat_replicas_come_from_the_modelservice_when_set_else_from_the_preset()
    {
        Assert.Equal(2, At(Json(Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "spec.replicas")!.GetValue<int>());
        Assert.Equal(5, At(Json(Ok(ModelServiceWith("decode: {replicas: 5}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))), ChildRole.DecodeDeployment), "spec.replicas")!.GetValue<int>());
    }

    [Fact]
    public void Compat_decode_exists_from_the_preset_alone()
    {
        var result = Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        Assert.NotNull(result.Child(ChildRole.DecodeDeployment));
        Assert.NotNull(result.Child(ChildRole.WorkloadServiceAccount));
    }

    [Fact]
    public void Compat_every_data_value_is_rendered_and_unknown_keys_are_ignored_with_a_warning()
    {
        var result = Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("notes", "owner: {{ .ModelServiceName }}")));
        var warning = Assert.Single(result.Warnings, w => w.Reason == RenderReasons.UnknownPresetKey);
        Assert.Contains("key notes", warning.Message, StringComparison.Ordinal);

        // Rendered: a broken template in an unknown key still fails the render, as in the original.
        var broken = Render(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("notes", "{{ .Nope }}")));
        Assert.Contains(broken.Errors, e => e.Reason == RenderReasons.TemplateError && e.Location == "preset:notes");
    }

    [Fact]
    public void Compat_an_empty_or_whitespace_value_means_the_part_is_absent()
    {
        var result = Ok(ModelServiceWith("decode: {containers: [{name: vllm, image: x}]}"),
            ConfigMap(("decodeService", "   \n\t"), ("eppDeployment", string.Empty), ("inferencePool", "{{ if false }}x{{ end }}")));
        Assert.Null(result.Child(ChildRole.DecodeService));
        Assert.Null(result.Child(ChildRole.EppDeployment));
        Assert.Null(result.Child(ChildRole.InferencePool));
    }

    [Fact]
    public void Compat_apiVersion_and_kind_inside_a_value_are_ignored_and_forced()
    {
        var part = Parts.DecodeDeployment.Replace("apiVersion: apps/v1", "apiVersion: extensions/v1beta1", StringComparison.Ordinal).Replace("kind: Deployment", "kind: Pod", StringComparison.Ordinal);
        var deployment = Json(Ok(ModelService(), ConfigMap(("decodeDeployment", part))), ChildRole.DecodeDeployment);
        Assert.Equal("apps/v1", deployment["apiVersion"]!.GetValue<string>());
        Assert.Equal("Deployment", deployment["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Compat_unknown_fields_are_dropped()
    {
        var part = Parts.DecodeDeployment.Replace("      containers:", "      notAField: 1\n      containers:", StringComparison.Ordinal);
        var deployment = Json(Ok(ModelService(), ConfigMap(("decodeDeployment", part))), ChildRole.DecodeDeployment);
        Assert.Null(At(deployment, "spec.template.spec.notAField"));
    }

    [Fact]
    public void Compat_binaryData_is_ignored()
    {
        var configMap = ((ConfigMapPreset)ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).ConfigMap;
        configMap.BinaryData = new Dictionary<string, byte[]> { ["eppDeployment"] = "spec: {}"u8.ToArray() };
        var result = Ok(ModelService(), PresetSource.From(configMap));
        Assert.Null(result.Child(ChildRole.EppDeployment));
        Assert.Contains(result.Warnings, w => w.Reason == RenderReasons.IgnoredField && w.Message.Contains("binaryData", StringComparison.Ordinal));
    }

    [Fact]
    public void Compat_a_value_that_fails_to_parse_names_the_key_line_and_column()
    {
        var bad = "spec:\n  replicas: 1\n  template: [unclosed\n";
        var error = Assert.Single(Render(ModelService(), ConfigMap(("decodeDeployment", bad))).Errors);
        Assert.Equal(RenderReasons.PresetParseError, error.Reason);
        Assert.Matches(@"^preset ConfigMap team/preset, key decodeDeployment, line \d+, column \d+: the rendered value is not valid YAML", error.Message);
    }

    [Fact]
    public void Compat_a_template_error_names_the_key_line_and_column()
    {
        var error = Assert.Single(Render(ModelService(), ConfigMap(("decodeDeployment", "spec:\n  replicas: {{ .Replicaz }}\n"))).Errors);
        Assert.Equal(RenderReasons.TemplateError, error.Reason);
        Assert.Equal("preset ConfigMap team/preset: template decodeDeployment:2:16: executing \"{{ .Replicaz }}\": can't evaluate field Replicaz in type variables", error.Message);
    }

    [Fact]
    public void Compat_getPort_of_an_unknown_port_renders_minus_one()
    {
        var result = Ok(ModelService(), ConfigMap(("decodeService", "spec:\n  ports:\n    - name: x\n      port: {{ \"nope\" | getPort }}\n"), ("decodeDeployment", Parts.DecodeDeployment)));
        Assert.Equal(-1, At(Json(result, ChildRole.DecodeService), "spec.ports[0].port")!.GetValue<int>());
    }

    [Fact]
    public void Compat_preset_namespace_defaults_to_the_modelservice_namespace()
    {
        var reference = PresetReference.For(ModelService());
        Assert.Equal(new PresetReference(AppliedConfigKinds.ConfigMap, "team", "preset"), reference);
    }

    [Fact]
    public void Compat_a_configmap_reference_without_a_name_names_no_preset()
    {
        var modelService = ModelService();
        modelService.Spec!.BaseConfigMapRef = new k8s.Models.V1ObjectReference { NamespaceProperty = "presets" };
        Assert.Null(PresetReference.For(modelService));

        // It renders without a preset, and says so.
        var warning = Assert.Single(Render(modelService, preset: null).Warnings, w => w.Reason == RenderReasons.Ignored);
        Assert.Equal("spec.baseConfigMapRef.name", warning.Location);
        Assert.Contains("names no preset", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compat_v1alpha2_mode_writes_the_pool_with_selector_targetPortNumber_and_extensionRef()
    {
        var result = Ok(ModelService(), ConfigMap(("inferencePool", Parts.LegacyInferencePool), ("eppDeployment", Parts.EppDeployment)), Settings with { PoolApi = InferencePoolApi.V1Alpha2 });
        var pool = Json(result, ChildRole.InferencePool);
        Assert.Equal("inference.networking.x-k8s.io/v1alpha2", pool["apiVersion"]!.GetValue<string>());
        var spec = pool["spec"]!.AsObject();
        Assert.Equal("""{"app":"extra","llm-d.ai/inferenceServing":"true","llm-d.ai/model":"facebook-opt-125m"}""", spec["selector"]!.ToJsonString());
        Assert.Equal(8000, spec["targetPortNumber"]!.GetValue<int>());
        Assert.Equal("""{"failureMode":"FailClose","name":"ms-epp-service"}""", spec["extensionRef"]!.ToJsonString());
        Assert.Equal(["extensionRef", "selector", "targetPortNumber"], spec.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void Compat_v1alpha2_mode_writes_the_InferenceModel_as_the_original_did()
    {
        var model = Json(Ok(ModelService(), ConfigMap(("inferencePool", Parts.LegacyInferencePool), ("inferenceModel", Parts.InferenceModel)), Settings with { PoolApi = InferencePoolApi.V1Alpha2 }), ChildRole.InferenceModel);
        Assert.Equal("inference.networking.x-k8s.io/v1alpha2", model["apiVersion"]!.GetValue<string>());
        Assert.Equal("ms", At(model, "metadata.name")!.GetValue<string>());
        Assert.Equal("true", At(model, "metadata.labels")!["llm-d.ai/inferenceServing"]!.GetValue<string>());
        Assert.Equal("""{"criticality":"Critical","modelName":"facebook/opt-125m","poolRef":{"name":"ms-inference-pool"}}""", model["spec"]!.ToJsonString());

        // The original replaced the labels with the common ones (im.Labels = commonLabels): a preset's own labels do not survive.
        var labelled = Json(Ok(ModelService(), ConfigMap(("inferencePool", Parts.LegacyInferencePool), ("inferenceModel", "metadata:\n  labels: {team: a}\n" + Parts.InferenceModel)), Settings with { PoolApi = InferencePoolApi.V1Alpha2 }), ChildRole.InferenceModel);
        var labels = At(labelled, "metadata.labels")!.AsObject();
        Assert.Null(labels["team"]);
        Assert.Equal("facebook-opt-125m", labels["llm-d.ai/model"]!.GetValue<string>());
        Assert.Equal(model["spec"]!.ToJsonString(), labelled["spec"]!.ToJsonString());
    }
}
