using k8s.Models;
using Keel.Model.Authoring;
using Keel.Model.Authoring.Testing;
using Keel.Model.Rendering;

namespace Keel.Model.Tests.Authoring;

public sealed class PresetTestHostTests
{
    [Fact]
    public void ModelServices_are_read_with_the_CRD_defaults_the_API_server_applies()
    {
        var modelService = PresetTestHost.LoadModelService("""
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: ms
            spec:
              routing:
                modelName: m
                gatewayRefs:
                  - name: gw
              modelArtifacts:
                uri: hf://a/b
              decode: {}
              prefill:
                replicas: 0
            """);
        Assert.Equal("default", modelService.Metadata.NamespaceProperty);
        Assert.Equal(1, modelService.Spec.Decode!.Replicas);
        Assert.Equal(0, modelService.Spec.Prefill!.Replicas);
        var gateway = modelService.Spec.Routing.GatewayRefs!.Single();
        Assert.Equal(("gateway.networking.k8s.io", "Gateway"), (gateway.Group, gateway.Kind));
    }

    [Fact]
    public void The_render_uses_the_preset_whatever_the_modelservice_referenced()
    {
        var render = new PresetTestHost(new SingleNodePreset()).RenderFile(Api.Repository.PathOf("samples", "pvc-tensor-parallel", "modelservice.yaml"));
        Assert.True(render.Succeeded, string.Join("\n", render.Errors));
        Assert.Equal(PresetForm.BaseConfig, render.Form);
        Assert.Contains(render.Result.AppliedConfigs, c => c.Name == "preset-single-node" && c.Kind == "BaseConfig");
        Assert.NotNull(render.Get<V1Deployment>(ChildRole.DecodeDeployment));
    }

    [Fact]
    public void Failures_name_the_modelservice_and_every_error()
    {
        var render = new PresetTestHost(new SingleNodePreset()).RenderYaml("""
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: broken
            spec:
              routing:
                modelName: m
              modelArtifacts:
                uri: ftp://nowhere
            """);
        Assert.False(render.Succeeded);
        var error = Assert.Throws<InvalidOperationException>(() => render.EnsureSuccess());
        Assert.Contains("spec.modelArtifacts.uri", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => render.Child(ChildRole.DecodeDeployment));
    }
}
