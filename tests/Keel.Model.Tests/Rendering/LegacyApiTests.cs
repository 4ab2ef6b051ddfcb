using Keel.Model.Presets;
using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>Spec 4.2 and 4.3: the v1 mode upgrades legacy parts; the v1alpha2 mode writes what the original wrote.</summary>
public sealed class LegacyApiTests
{
    [Fact]
    public void V1_mode_upgrades_a_legacy_pool_selector_targetPortNumber_and_extensionRef()
    {
        var result = Ok(ModelService(), ConfigMap(("inferencePool", Parts.LegacyInferencePool), ("eppDeployment", Parts.EppDeployment)));
        var pool = Json(result, ChildRole.InferencePool);
        Assert.Equal("inference.networking.k8s.io/v1", pool["apiVersion"]!.GetValue<string>());
        Assert.Equal(
            """{"endpointPickerRef":{"failureMode":"FailClose","name":"ms-epp-service","port":{"number":9002}},"selector":{"matchLabels":{"app":"extra","llm-d.ai/inferenceServing":"true","llm-d.ai/model":"facebook-opt-125m"}},"targetPorts":[{"number":8000}]}""",
            pool["spec"]!.ToJsonString());
        Assert.Contains(result.Warnings, w => w.Reason == RenderReasons.LegacyApiConverted && w.Location == "preset:inferencePool");
    }

    [Fact]
    public void V1_mode_detects_a_legacy_pool_by_shape_when_the_part_has_no_apiVersion()
    {
        var part = "spec:\n  targetPortNumber: 8000\n  extensionRef:\n    portNumber: 9100\n";
        var pool = Json(Ok(ModelService(), ConfigMap(("inferencePool", part), ("eppDeployment", Parts.EppDeployment))), ChildRole.InferencePool);
        Assert.Equal("""{"name":"ms-epp-service","port":{"number":9100}}""", pool["spec"]!["endpointPickerRef"]!.ToJsonString());
        Assert.Equal("""[{"number":8000}]""", pool["spec"]!["targetPorts"]!.ToJsonString());
    }

    [Fact]
    public void V1_mode_defaults_the_endpoint_picker_port_to_9002_and_keeps_the_failure_mode()
    {
        var pool = Json(Ok(ModelService(), ConfigMap(("inferencePool", Parts.InferencePool), ("eppDeployment", Parts.EppDeployment))), ChildRole.InferencePool);
        Assert.Equal("""{"failureMode":"FailOpen","name":"ms-epp-service","port":{"number":9002}}""", pool["spec"]!["endpointPickerRef"]!.ToJsonString());
    }

    [Theory]
    [InlineData("Critical", 1)]
    [InlineData("Standard", 0)]
    [InlineData("Sheddable", -1)]
    public void V1_mode_converts_a_legacy_InferenceModel_to_an_InferenceObjective_mapping_criticality_to_priority(string criticality, int priority)
    {
        var part = Parts.InferenceModel.Replace("Critical", criticality, StringComparison.Ordinal);
        var result = Ok(ModelService(), ConfigMap(("inferencePool", Parts.InferencePool), ("inferenceModel", part), ("eppDeployment", Parts.EppDeployment)));
        Assert.Null(result.Child(ChildRole.InferenceModel));
        var objective = Json(result, ChildRole.InferenceObjective);
        Assert.Equal("llm-d.ai/v1alpha2", objective["apiVersion"]!.GetValue<string>());
        Assert.Equal("ms", objective["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(
            $$"""{"poolRef":{"group":"inference.networking.k8s.io","kind":"InferencePool","name":"ms-inference-pool"},"priority":{{priority}}}""",
            objective["spec"]!.ToJsonString());
        Assert.Equal("ms", result.References.InferenceObjectiveRef);
        Assert.Null(result.References.InferenceModelRef);
    }

    [Fact]
    public void V1_mode_reports_targetModels_it_cannot_carry_over()
    {
        var part = Parts.InferenceModel + "\n  targetModels: [{name: a, weight: 50}, {name: b, weight: 50}]\n";
        var result = Ok(ModelService(), ConfigMap(("inferencePool", Parts.InferencePool), ("inferenceModel", part), ("eppDeployment", Parts.EppDeployment)));
        Assert.Contains(result.Warnings, w => w.Message.Contains("targetModels has no equivalent", StringComparison.Ordinal));
    }

    [Fact]
    public void V1_mode_points_the_route_backend_at_the_v1_pool_group()
    {
        var route = "spec:\n  rules:\n    - backendRefs:\n        - {group: inference.networking.x-k8s.io, kind: InferencePool, name: '{{ .InferencePoolName }}', port: 8000}\n";
        var json = Json(Ok(ModelService(), ConfigMap(("httpRoute", route), ("inferencePool", Parts.LegacyInferencePool), ("eppDeployment", Parts.EppDeployment))), ChildRole.HttpRoute);
        Assert.Equal("""[{"backendRefs":[{"group":"inference.networking.k8s.io","kind":"InferencePool","name":"ms-inference-pool","port":8000}]}]""", json["spec"]!["rules"]!.ToJsonString());
    }

    [Fact]
    public void V1alpha2_mode_converts_a_v1_pool_and_objective_back()
    {
        var part = Parts.InferencePool.Replace("    - number: {{ \"http\" | getPort }}", "    - number: {{ \"http\" | getPort }}\n    - number: 8001", StringComparison.Ordinal);
        var objective = "spec:\n  priority: -3\n";
        var result = Ok(ModelService(), ConfigMap(("inferencePool", part), ("inferenceObjective", objective), ("eppDeployment", Parts.EppDeployment)), Settings with { PoolApi = InferencePoolApi.V1Alpha2 });
        var pool = Json(result, ChildRole.InferencePool);
        Assert.Equal(
            """{"extensionRef":{"failureMode":"FailOpen","name":"ms-epp-service"},"selector":{"llm-d.ai/inferenceServing":"true","llm-d.ai/model":"facebook-opt-125m"},"targetPortNumber":8000}""",
            pool["spec"]!.ToJsonString());
        Assert.Contains(result.Warnings, w => w.Message.Contains("1 more were left out", StringComparison.Ordinal));
        Assert.Equal("Sheddable", Json(result, ChildRole.InferenceModel)["spec"]!["criticality"]!.GetValue<string>());
    }

    [Fact]
    public void Criticality_and_priority_map_both_ways()
    {
        Assert.Equal(1, LegacyApiConversion.PriorityOf("Critical"));
        Assert.Equal(0, LegacyApiConversion.PriorityOf("Standard"));
        Assert.Equal(-1, LegacyApiConversion.PriorityOf("Sheddable"));
        Assert.Null(LegacyApiConversion.PriorityOf(null));
        Assert.Equal("Critical", LegacyApiConversion.CriticalityOf(10));
        Assert.Equal("Standard", LegacyApiConversion.CriticalityOf(null));
        Assert.Equal("Sheddable", LegacyApiConversion.CriticalityOf(-5));
    }
}
