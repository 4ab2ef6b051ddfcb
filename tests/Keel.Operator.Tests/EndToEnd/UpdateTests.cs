using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>The ModelService changes: the children follow, stale ones are deleted, the status keeps up.</summary>
public sealed class UpdateTests
{
    private static object VllmContainer(params string[] args) => new
    {
        name = "vllm",
        args = args,
        mountModelVolume = true,
    };

    [Fact]
    public async Task Args_replicas_and_removing_then_adding_prefill_are_followed_by_the_children()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster);
        await cluster.WaitForReadyAsync("llama-pd");

        // args: the ModelService's args come first, the preset's follow.
        await cluster.MergePatchAsync<ModelService>("llama-pd", new { spec = new { decode = new { containers = new[] { VllmContainer("{{ .HFModelName }}", "--enable-lora") } } } });
        var decode = await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("llama-pd-decode"),
            d => d!.Spec.Template.Spec.Containers.Single(c => c.Name == "vllm").Args.Take(2).SequenceEqual(["meta-llama/Llama-3.1-8B-Instruct", "--enable-lora"]),
            "the decode args follow");
        Assert.Contains("--port", decode!.Spec.Template.Spec.Containers.Single(c => c.Name == "vllm").Args);

        // replicas, including an explicit zero (fix: the original could not scale a role to zero over a preset).
        await cluster.MergePatchAsync<ModelService>("llama-pd", new { spec = new { decode = new { replicas = 4 } } });
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("llama-pd-decode"), d => d!.Spec.Replicas == 4, "decode scales to 4");
        var ms = await Eventually.MatchesAsync(() => cluster.ModelServiceAsync("llama-pd"), m => m!.Status?.DecodeReady == "4/4", "status decodeReady 4/4");
        Assert.Equal(4, ms!.Status!.DecodeAvailable);
        await cluster.MergePatchAsync<ModelService>("llama-pd", new { spec = new { prefill = new { replicas = 0 } } });
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("llama-pd-prefill"), d => d!.Spec.Replicas == 0, "prefill scales to 0");

        // Remove prefill: its Deployment goes, the references and mirrored conditions with it.
        await cluster.MergePatchAsync<ModelService>("llama-pd", new Dictionary<string, object?> { ["spec"] = new Dictionary<string, object?> { ["prefill"] = null } });
        await Eventually.TrueAsync(async () => await cluster.GetAsync<V1Deployment>("llama-pd-prefill") is null, "the prefill Deployment is deleted");
        ms = await cluster.WaitForReadyAsync("llama-pd");
        Assert.Null(ms!.Status!.PrefillDeploymentRef);
        Assert.Null(ms.Status.PrefillServiceAccountRef);
        Assert.Null(ms.Status.PrefillReady);
        Assert.Null(ms.Status.PrefillAvailable);
        Assert.Equal("llama-pd-sa", ms.Status.DecodeServiceAccountRef);
        Assert.DoesNotContain(ms.Status.Conditions!, c => c.Type.StartsWith("Prefill", StringComparison.Ordinal));
        var deleted = await cluster.WaitForEventAsync("llama-pd", "Deleted");
        Assert.Contains(deleted, e => e.Message.Contains("Deployment llama-pd-prefill", StringComparison.Ordinal));

        // Add it back.
        await cluster.MergePatchAsync<ModelService>("llama-pd", new { spec = new { prefill = new { replicas = 2, containers = new[] { VllmContainer("{{ .HFModelName }}") } } } });
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("llama-pd-prefill"), d => d?.Spec.Replicas == 2, "the prefill Deployment is back");
        ms = await Eventually.MatchesAsync(() => cluster.ModelServiceAsync("llama-pd"), m => m!.Status?.PrefillReady == "2/2", "prefill reported again");
        Assert.Equal("llama-pd-prefill", ms!.Status!.PrefillDeploymentRef);
        Assert.Equal("llama-pd-sa", ms.Status.PrefillServiceAccountRef);
    }

    [Fact]
    public async Task A_child_deleted_by_hand_is_recreated_and_owned_fields_changed_by_hand_are_restored_while_others_are_kept()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster);
        await cluster.WaitForReadyAsync("opt-125m");

        var original = (await cluster.GetAsync<V1Service>("opt-125m-service-decode"))!;
        await cluster.DeleteAsync<V1Service>("opt-125m-service-decode");
        var recreated = await Eventually.MatchesAsync(() => cluster.GetAsync<V1Service>("opt-125m-service-decode"),
            s => s is not null && s.Metadata.Uid != original.Metadata.Uid, "the Service is recreated");
        Assert.Equal(original.Spec.Selector, recreated!.Spec.Selector);

        // Someone edits the Deployment: a field the operator owns and a field it does not.
        await cluster.MergePatchAsync<V1Deployment>("opt-125m-decode", new
        {
            metadata = new { annotations = new Dictionary<string, string> { ["team.example.com/owner"] = "search" }, labels = new Dictionary<string, string> { ["llm-d.ai/model"] = "tampered" } },
            spec = new { template = new { spec = new { serviceAccountName = "someone-else", nodeSelector = new Dictionary<string, string> { ["pool"] = "a100" } } } },
        });
        var restored = await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("opt-125m-decode"),
            d => d!.Spec.Template.Spec.ServiceAccountName == "opt-125m-sa" && d.Metadata.Labels["llm-d.ai/model"] == "facebook-opt-125m",
            "the owned fields are restored");
        Assert.Equal("search", restored!.Metadata.Annotations["team.example.com/owner"]);
        Assert.Equal("a100", restored.Spec.Template.Spec.NodeSelector["pool"]);
        var updated = await cluster.WaitForEventAsync("opt-125m", "Updated");
        Assert.Contains(updated, e => e.Message.Contains("Deployment opt-125m-decode", StringComparison.Ordinal));
    }
}
