using k8s.Models;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Testing;
using Keel.Model.Rendering;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Inference.V1;

namespace Platform.Presets.Tests;

/// <summary>The presets rendered against the sample ModelServices through the operator's render pipeline.</summary>
public sealed class RenderTests
{
    public static TheoryData<PresetForm> Forms() => [PresetForm.BaseConfig, PresetForm.ConfigMap];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Single_node_serves_the_model_on_the_http_port(PresetForm form)
    {
        var render = new PresetTestHost(new SingleNodePreset()).RenderFile(TestSetup.Sample("single-node-hf", "modelservice.yaml"), form).EnsureSuccess();

        Assert.Equal(
            [ChildRole.WorkloadServiceAccount, ChildRole.DecodeService, ChildRole.DecodeDeployment],
            render.Children.Select(c => c.Role).ToArray());
        var vllm = render.Get<V1Deployment>(ChildRole.DecodeDeployment).Spec.Template.Spec.Containers.Single();
        Assert.Equal(["facebook/opt-125m", "--port", "8000", "--max-model-len", "2048"], vllm.Args);
        Assert.Equal(8000, vllm.Ports.Single().ContainerPort);
        Assert.Equal("8000", vllm.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal(8000, render.Get<V1Service>(ChildRole.DecodeService).Spec.Ports.Single().Port);
        Assert.Contains(vllm.VolumeMounts, m => m.Name == "model-storage" && m.MountPath == "/model-cache");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Pd_routes_through_the_sidecar_to_vllm_on_the_internal_port(PresetForm form)
    {
        var render = new PresetTestHost(new PdNixlPreset()).RenderFile(TestSetup.Sample("pd-disaggregation", "modelservice.yaml"), form).EnsureSuccess();

        var decode = render.Get<V1Deployment>(ChildRole.DecodeDeployment);
        Assert.Equal(2, decode.Spec.Replicas);
        var sidecar = decode.Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(["--port=8000", "--model-server-port=8200", "--kv-connector=nixlv2"], sidecar.Args);
        Assert.Equal("Always", sidecar.RestartPolicy);
        var decodeVllm = decode.Spec.Template.Spec.Containers.Single();
        Assert.Equal(["meta-llama/Llama-3.1-8B-Instruct", "--port", "8200"], decodeVllm.Args.Take(3));
        Assert.Equal([8200, 5557], decodeVllm.Ports.Select(p => p.ContainerPort));

        var prefill = render.Get<V1Deployment>(ChildRole.PrefillDeployment);
        Assert.Equal(3, prefill.Spec.Replicas);
        Assert.Equal([8000, 5557], prefill.Spec.Template.Spec.Containers.Single().Ports.Select(p => p.ContainerPort));

        var pool = render.Get<InferencePool>(ChildRole.InferencePool);
        Assert.Equal(8000, pool.Spec!.TargetPorts!.Single().Number);
        Assert.Equal("llama-pd-epp-service", pool.Spec.EndpointPickerRef!.Name);

        var config = render.Get<V1ConfigMap>(ChildRole.PresetConfigMap);
        Assert.Equal("llama-pd-epp-config", config.Metadata.Name);
        Assert.Contains("prefix-based-pd-decider", config.Data["epp-config.yaml"], StringComparison.Ordinal);
        var epp = render.Get<V1Deployment>(ChildRole.EppDeployment).Spec.Template.Spec;
        Assert.Equal("llama-pd-epp-config", epp.Volumes.Single(v => v.Name == "epp-config").ConfigMap.Name);
        // The ModelService's endpointPicker args (-v 2) come first, then the preset's.
        Assert.Equal(["-v", "2", "--pool-name", "llama-pd-inference-pool"], epp.Containers.Single().Args.Take(4));

        var route = render.Get<HTTPRoute>(ChildRole.HttpRoute);
        Assert.Equal("llama-pd-inference-pool", route.Spec!.Rules!.Single().BackendRefs!.Single().Name);
        Assert.Equal("inference-gateway", route.Spec.ParentRefs!.Single().Name);
    }

    [Fact]
    public void A_modelservice_without_the_required_port_renders_getPort_as_minus_one()
    {
        // getPort of an undefined routing port is -1 (compat): the render succeeds with a port no pod can serve. That is
        // why the preset declares its ports and the analyzer checks them against the sample ModelServices (KEEL106).
        const string yaml = """
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: no-ports
            spec:
              routing:
                modelName: facebook/opt-125m
              modelArtifacts:
                uri: hf://facebook/opt-125m
              decode:
                containers:
                  - name: vllm
            """;
        var render = new PresetTestHost(new SingleNodePreset()).RenderYaml(yaml).EnsureSuccess();
        var vllm = render.Get<V1Deployment>(ChildRole.DecodeDeployment).Spec.Template.Spec.Containers.Single();
        Assert.Equal(["--port", "-1"], vllm.Args.Take(2));
        Assert.Equal(-1, render.Get<V1Service>(ChildRole.DecodeService).Spec.Ports.Single().Port);
        Assert.Equal(1, render.Get<V1Deployment>(ChildRole.DecodeDeployment).Spec.Replicas); // the CRD default of decode.replicas
        Assert.Equal(["http"], new SingleNodePreset().RequiredRoutingPorts.Select(p => p.Name));
    }
}
