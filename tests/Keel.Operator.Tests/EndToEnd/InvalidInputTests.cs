using System.Text.Json.Nodes;
using k8s.Models;
using Keel.ApiServer.Http;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>
/// Bad input never crashes the operator nor blocks other ModelServices: each problem becomes conditions a person can
/// act on and an Event, and the ModelService is retried when what it depends on changes.
/// </summary>
public sealed class InvalidInputTests
{
    private static string SingleNode(string name, string modelName) =>
        Repository.Read("samples", "single-node-hf", "modelservice.yaml")
            .Replace("name: opt-125m", $"name: {name}", StringComparison.Ordinal)
            .Replace("modelName: facebook/opt-125m", $"modelName: {modelName}", StringComparison.Ordinal);

    [Fact]
    public async Task A_broken_preset_a_bad_template_and_a_missing_preset_are_reported_while_a_good_modelservice_is_served()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: broken-preset
            data:
              decodeDeployment: |
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: vllm
                          image: [unclosed
            """);
        await cluster.CreateAsync(SingleNode("good", "org/good"));
        await cluster.CreateAsync(SingleNode("broken", "org/broken").Replace("baseConfigRef:\n    name: preset-single-node", "baseConfigMapRef:\n    name: broken-preset", StringComparison.Ordinal));
        await cluster.CreateAsync(SingleNode("templated", "org/templated").Replace("\"{{ .HFModelName }}\"", "\"{{ .NoSuchVariable }}\"", StringComparison.Ordinal));
        await cluster.CreateAsync(SingleNode("orphan", "org/orphan").Replace("name: preset-single-node", "name: preset-to-come", StringComparison.Ordinal));
        await using var op = RunningOperator.Start(cluster);

        await cluster.WaitForReadyAsync("good");

        var unparsable = await cluster.WaitForConditionAsync("broken", ModelServiceConditions.Rendered, "False", "PresetParseError");
        var message = unparsable!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.Rendered).Message;
        Assert.Contains("decodeDeployment", message, StringComparison.Ordinal);
        Assert.Contains("line", message, StringComparison.Ordinal);
        Assert.Equal(("False", "PresetParseError"), ReadyOf(unparsable));
        await cluster.WaitForEventAsync("broken", "PresetParseError");

        var templated = await cluster.WaitForConditionAsync("templated", ModelServiceConditions.Rendered, "False", "TemplateError");
        Assert.Contains("NoSuchVariable", templated!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.Rendered).Message, StringComparison.Ordinal);
        await cluster.WaitForEventAsync("templated", "TemplateError");

        var orphan = await cluster.WaitForConditionAsync("orphan", ModelServiceConditions.PresetsResolved, "False", "PresetNotFound");
        Assert.Contains("preset-to-come", orphan!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.PresetsResolved).Message, StringComparison.Ordinal);
        await cluster.WaitForEventAsync("orphan", "PresetNotFound");

        // Nothing was written for the failed ones; their status still carries observedGeneration.
        foreach (var name in new[] { "broken", "templated", "orphan" })
        {
            Assert.Null(await cluster.GetAsync<V1Deployment>($"{name}-decode"));
            Assert.Equal(1, (await cluster.ModelServiceAsync(name))!.Status!.ObservedGeneration);
        }

        // The missing preset appears: the ModelService waiting for it is served without any change to it.
        await cluster.CreateAsync(Repository.Read("samples", "single-node-hf", "preset-baseconfig.yaml").Replace("name: preset-single-node", "name: preset-to-come", StringComparison.Ordinal));
        await cluster.WaitForReadyAsync("orphan");
        Assert.NotNull(await cluster.GetAsync<V1Deployment>("orphan-decode"));

        // A broken preset edit keeps what runs: the good ModelService's preset breaks, its children stay.
        var broken = Repository.Read("samples", "single-node-hf", "preset-baseconfig.yaml").Replace("image: vllm/vllm-openai:v0.11.2", "image: '{{ if }}'", StringComparison.Ordinal);
        await cluster.ApplyAsync((JsonObject)YamlJson.Parse(broken)!, "platform-team");
        var good = await cluster.WaitForConditionAsync("good", ModelServiceConditions.Rendered, "False", "TemplateError");
        Assert.Equal("good-decode", good!.Status!.DecodeDeploymentRef);
        Assert.Equal("1/1", good.Status.DecodeReady);
        Assert.NotNull(await cluster.GetAsync<V1Deployment>("good-decode"));
        Assert.Equal("Unknown", good.Status.Conditions!.Single(c => c.Type == ModelServiceConditions.WorkloadsReady).Status);
    }

    [Fact]
    public async Task A_modelservice_with_an_unknown_uri_scheme_admitted_by_an_older_crd_is_reported_and_does_not_block_others()
    {
        // Admission rejects unknown schemes (fix); a ModelService stored before the CRD carried that rule still exists
        // after an upgrade, because stored objects are not re-validated. Reproduce that: install the CRD without the
        // rule, create the object, install the real CRD again.
        await using var cluster = await TestCluster.StartAsync();
        var crd = (JsonObject)YamlJson.Parse(Repository.Read("src", "Crds", "modelservices.llm-d.ai.yaml"))!;
        var uri = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["modelArtifacts"]!["properties"]!["uri"]!.AsObject();
        Assert.True(uri.Remove("x-kubernetes-validations"));
        await cluster.Server.InstallCrdAsync(crd.ToJsonString());
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateAsync(SingleNode("s3", "org/s3").Replace("hf://facebook/opt-125m", "s3://bucket/opt-125m", StringComparison.Ordinal));
        await cluster.Server.InstallCrdAsync(Repository.Read("src", "Crds", "modelservices.llm-d.ai.yaml"));
        await Assert.ThrowsAnyAsync<Exception>(() => cluster.CreateAsync(SingleNode("s3-new", "org/s3-new").Replace("hf://facebook/opt-125m", "s3://bucket/x", StringComparison.Ordinal)));
        await cluster.CreateAsync(SingleNode("good", "org/good"));
        await using var op = RunningOperator.Start(cluster);

        await cluster.WaitForReadyAsync("good");
        var bad = await cluster.WaitForConditionAsync("s3", ModelServiceConditions.Rendered, "False", "InvalidModelService");
        var rendered = bad!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.Rendered);
        Assert.Contains("spec.modelArtifacts.uri", rendered.Message, StringComparison.Ordinal);
        Assert.Contains("s3://", rendered.Message, StringComparison.Ordinal);
        await cluster.WaitForEventAsync("s3", "InvalidModelService");
        Assert.True(op.Manager.Metrics.TerminalReconcileErrors.WithLabels("modelservice").Value >= 1);
    }

    private static (string, string) ReadyOf(ModelService ms)
    {
        var ready = ms.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.Ready);
        return (ready.Status, ready.Reason);
    }
}
