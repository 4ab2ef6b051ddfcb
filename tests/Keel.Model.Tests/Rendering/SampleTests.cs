using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>
/// Every sample renders cleanly against both preset forms, and the two forms give the same children (spec 2.4: the
/// BaseConfig is the ConfigMap preset's equivalent). Golden files of the rendered output live with the render command's
/// tests (tests/Keel.Cli.Tests/Render), which apply the CRD defaults as the API server does.
/// </summary>
public sealed class SampleTests
{
    public static TheoryData<string> Samples() => ["single-node-hf", "pvc-tensor-parallel", "pd-disaggregation", "oci-legacy-preset"];

    private static ModelService LoadModelService(string sample) =>
        KeelYaml.Deserialize<ModelService>(File.ReadAllText(SamplePath(sample, "modelservice.yaml")), "modelservice.yaml");

    private static PresetSource LoadPreset(string sample, string file) =>
        KeelYaml.LoadAll(File.ReadAllText(SamplePath(sample, file)), file).Single() switch
        {
            k8s.Models.V1ConfigMap configMap => PresetSource.From(configMap),
            BaseConfig baseConfig => PresetSource.From(baseConfig),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Both_preset_forms_render_the_same_children(string sample)
    {
        var modelService = LoadModelService(sample);
        foreach (var api in new[] { InferencePoolApi.V1, InferencePoolApi.V1Alpha2 })
        {
            var settings = Settings with { PoolApi = api };
            var fromConfigMap = Ok(modelService, LoadPreset(sample, "preset-configmap.yaml"), settings);
            var fromBaseConfig = Ok(modelService, LoadPreset(sample, "preset-baseconfig.yaml"), settings);
            Assert.DoesNotContain(fromConfigMap.Warnings, w => w.Reason is RenderReasons.UnknownField or RenderReasons.UnknownPresetKey or RenderReasons.DanglingReference);
            Assert.DoesNotContain(fromBaseConfig.Warnings, w => w.Reason is RenderReasons.UnknownField or RenderReasons.UnknownPresetKey or RenderReasons.DanglingReference);

            var expected = fromConfigMap.Children.Select(c => c.Json).ToList();
            var actual = fromBaseConfig.Children.Select(c => c.Json).ToList();
            if (sample == "oci-legacy-preset" && api == InferencePoolApi.V1Alpha2)
            {
                // The migrated form writes the endpoint picker's port 9002 explicitly; converted back to v1alpha2 it stays.
                var pool = fromBaseConfig.Child(ChildRole.InferencePool)!;
                Assert.Contains("\"portNumber\":9002", pool.Json, StringComparison.Ordinal);
                actual[fromBaseConfig.Children.ToList().IndexOf(pool)] = pool.Json.Replace(",\"portNumber\":9002", string.Empty, StringComparison.Ordinal);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_pd_sample_has_every_child_the_issue_asks_for()
    {
        var result = Ok(LoadModelService("pd-disaggregation"), LoadPreset("pd-disaggregation", "preset-baseconfig.yaml"));
        Assert.Equal(
            [
                ChildRole.WorkloadServiceAccount, ChildRole.EppServiceAccount, ChildRole.PresetConfigMap, ChildRole.EppRoleBinding, ChildRole.EppService,
                ChildRole.DecodeDeployment, ChildRole.PrefillDeployment, ChildRole.EppDeployment, ChildRole.InferencePool, ChildRole.InferenceObjective, ChildRole.HttpRoute,
            ],
            result.Children.Select(c => c.Role).ToArray());
        var decode = Json(result, ChildRole.DecodeDeployment);
        Assert.Equal("Always", Container(decode, "routing-sidecar", "initContainers")["restartPolicy"]!.GetValue<string>());
        Assert.Contains("NixlConnector", Container(decode, "vllm")["args"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("meta-llama/Llama-3.1-8B-Instruct", Strings(Container(Json(result, ChildRole.PrefillDeployment), "vllm")["args"])[0]);
    }
}
