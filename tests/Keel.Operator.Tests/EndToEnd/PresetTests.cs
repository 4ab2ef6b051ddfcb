using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;
using System.Text.Json.Nodes;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>Presets: changes propagate (spec 2.3), ConfigMap presets are flagged (2.4), the trust rule holds (2.2).</summary>
public sealed class PresetTests
{
    private static string SingleNode(string name, string modelName, string presetField = "baseConfigRef") =>
        Repository.Read("samples", "single-node-hf", "modelservice.yaml")
            .Replace("name: opt-125m", $"name: {name}", StringComparison.Ordinal)
            .Replace("modelName: facebook/opt-125m", $"modelName: {modelName}", StringComparison.Ordinal)
            .Replace("baseConfigRef:", presetField + ":", StringComparison.Ordinal);

    private static JsonObject Manifest(string yaml) => (JsonObject)KeelYaml.ParseAll(yaml, "test").First(d => d.Root is not null).Root!;

    private static string VllmImage(V1Deployment? d) => d!.Spec.Template.Spec.Containers.Single(c => c.Name == "vllm").Image;

    [Fact]
    public async Task Editing_a_preset_re_renders_every_modelservice_that_references_it()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "preset-configmap.yaml");
        await cluster.CreateAsync(SingleNode("a", "org/model-a"));
        await cluster.CreateAsync(SingleNode("b", "org/model-b"));
        await cluster.CreateAsync(SingleNode("c", "org/model-c", "baseConfigMapRef"));
        await using var op = RunningOperator.Start(cluster);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await cluster.WaitForReadyAsync(name);
        }

        // The platform team bumps the image in the BaseConfig: both BaseConfig users follow, the ConfigMap user does not.
        var baseConfig = Repository.Read("samples", "single-node-hf", "preset-baseconfig.yaml").Replace("v0.11.2", "v0.12.0", StringComparison.Ordinal);
        await cluster.ApplyAsync(Manifest(baseConfig), "platform-team");
        foreach (var name in new[] { "a", "b" })
        {
            await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>($"{name}-decode"), d => VllmImage(d) == "vllm/vllm-openai:v0.12.0", $"{name} follows the BaseConfig");
            await Eventually.MatchesAsync(() => cluster.ModelServiceAsync(name),
                ms => ms!.Status!.AppliedConfigs![0].Generation == 2, $"{name} reports the BaseConfig generation it used");
        }

        Assert.Equal("vllm/vllm-openai:v0.11.2", VllmImage(await cluster.GetAsync<V1Deployment>("c-decode")));

        // Then the ConfigMap.
        var configMap = Repository.Read("samples", "single-node-hf", "preset-configmap.yaml").Replace("v0.11.2", "v0.12.1", StringComparison.Ordinal);
        await cluster.ApplyAsync(Manifest(configMap), "platform-team");
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("c-decode"), d => VllmImage(d) == "vllm/vllm-openai:v0.12.1", "c follows the ConfigMap");
        Assert.Equal("vllm/vllm-openai:v0.12.0", VllmImage(await cluster.GetAsync<V1Deployment>("a-decode")));
    }

    [Fact]
    public async Task A_configmap_preset_is_flagged_deprecated_and_switching_to_the_equivalent_baseconfig_writes_nothing_to_the_children()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-configmap.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateAsync(Repository.Read("samples", "pd-disaggregation", "modelservice.yaml").Replace("baseConfigRef:", "baseConfigMapRef:", StringComparison.Ordinal));
        await using var op = RunningOperator.Start(cluster);

        var ms = await cluster.WaitForReadyAsync("llama-pd");
        var deprecated = ms!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.DeprecatedPreset);
        Assert.Equal(("True", "DeprecatedPreset"), (deprecated.Status, deprecated.Reason));
        Assert.Contains("modelservice migrate", deprecated.Message, StringComparison.Ordinal);
        Assert.Equal("ConfigMap", ms.Status.AppliedConfigs![0].Kind);
        var events = await cluster.WaitForEventAsync("llama-pd", "DeprecatedPreset");
        Assert.Contains("modelservice migrate", events.First(e => e.Reason == "DeprecatedPreset").Message, StringComparison.Ordinal);
        await op.SettleAsync();

        var mark = cluster.Server.Requests.Mark();
        await cluster.MergePatchAsync<ModelService>("llama-pd", new Dictionary<string, object?>
        {
            ["spec"] = new Dictionary<string, object?> { ["baseConfigMapRef"] = null, ["baseConfigRef"] = new { name = "preset-pd-nixl" } },
        });
        ms = await Eventually.MatchesAsync(() => cluster.ModelServiceAsync("llama-pd"),
            m => m!.Status?.AppliedConfigs?[0].Kind == "BaseConfig" && m.Status.ObservedGeneration == m.Metadata.Generation, "the switch is reconciled");
        await op.SettleAsync();
        Assert.Equal("False", ms!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.DeprecatedPreset).Status);
        Assert.Equal("True", ms.Status.Conditions!.Single(c => c.Type == ModelServiceConditions.Ready).Status);
        var childWrites = cluster.Server.Requests.WritesSince(mark).Where(w => w.Resource is not ("modelservices" or "events")).ToList();
        Assert.True(childWrites.Count == 0, "writes to children: " + string.Join("; ", childWrites.Select(w => $"{w.Verb} {w.Resource} {w.Name}")));
    }

    [Fact]
    public async Task A_preset_in_an_untrusted_namespace_is_refused_with_a_condition_and_a_trusted_one_is_used()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateNamespaceAsync("team-a");
        await cluster.CreateNamespaceAsync("presets");
        await cluster.CreateNamespaceAsync("elsewhere");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml", "presets");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml", "elsewhere");
        await cluster.CreateAsync(SingleNode("trusted", "org/trusted").Replace("name: preset-single-node", "name: preset-single-node\n    namespace: presets", StringComparison.Ordinal), "team-a");
        await cluster.CreateAsync(SingleNode("untrusted", "org/untrusted").Replace("name: preset-single-node", "name: preset-single-node\n    namespace: elsewhere", StringComparison.Ordinal), "team-a");
        await using var op = RunningOperator.Start(cluster, RunningOperator.OperatorOptions() with { PresetNamespaces = ["presets"] });

        await cluster.WaitForReadyAsync("trusted", "team-a");
        var refused = await cluster.WaitForConditionAsync("untrusted", ModelServiceConditions.PresetsResolved, "False", "PresetNamespaceNotAllowed", "team-a");
        Assert.Contains("--preset-namespaces", refused!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.PresetsResolved).Message, StringComparison.Ordinal);
        Assert.Equal("False", refused.Status.Conditions!.Single(c => c.Type == ModelServiceConditions.Ready).Status);
        await cluster.WaitForEventAsync("untrusted", "PresetNamespaceNotAllowed", "team-a");
        Assert.Null(await cluster.GetAsync<V1Deployment>("untrusted-decode", "team-a"));
    }
}
