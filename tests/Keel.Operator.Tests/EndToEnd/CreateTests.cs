using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;
using InferenceObjective = Keel.Model.Upstream.Llmd.V1Alpha2.InferenceObjective;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>A ModelService is created: every child appears with an owner reference, then the status tells what exists.</summary>
public sealed class CreateTests
{
    [Fact]
    public async Task Every_child_of_the_pd_sample_is_created_with_an_owner_reference_then_status_refs_and_conditions()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster);

        var ms = (await cluster.WaitForReadyAsync("llama-pd"))!;
        var uid = ms.Metadata.Uid;
        async Task Owned<T>(string name)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta>
        {
            var child = await cluster.GetAsync<T>(name);
            Assert.True(child is not null, $"{typeof(T).Name} {name} exists");
            var owner = Assert.Single(child!.Metadata.OwnerReferences);
            Assert.Equal((uid, "ModelService", true, true), (owner.Uid, owner.Kind, owner.Controller, owner.BlockOwnerDeletion));
            Assert.Equal("modelservice-operator", child.Metadata.Labels["app.kubernetes.io/managed-by"]);
        }

        await Owned<V1ServiceAccount>("llama-pd-sa");
        await Owned<V1ServiceAccount>("llama-pd-epp-sa");
        await Owned<V1ConfigMap>("llama-pd-epp-config");
        await Owned<V1RoleBinding>("llama-pd-epp-rolebinding");
        await Owned<V1Service>("llama-pd-epp-service");
        await Owned<V1Deployment>("llama-pd-decode");
        await Owned<V1Deployment>("llama-pd-prefill");
        await Owned<V1Deployment>("llama-pd-epp");
        await Owned<InferencePool>("llama-pd-inference-pool");
        await Owned<InferenceObjective>("llama-pd");
        await Owned<HttpRoute>("llama-pd-http-route");

        var status = ms.Status!;
        Assert.Equal(ms.Metadata.Generation, status.ObservedGeneration);
        Assert.Equal(
            ("llama-pd-prefill", "llama-pd-decode", "llama-pd-epp", "llama-pd-http-route", "llama-pd-inference-pool", "llama-pd"),
            (status.PrefillDeploymentRef, status.DecodeDeploymentRef, status.EppDeploymentRef, status.HttpRouteRef, status.InferencePoolRef, status.InferenceObjectiveRef));
        Assert.Null(status.InferenceModelRef);
        Assert.Equal(("llama-pd-sa", "llama-pd-sa", "llama-pd-epp-rolebinding"), (status.PrefillServiceAccountRef, status.DecodeServiceAccountRef, status.EppRoleBinding));
        Assert.Equal(["llama-pd-epp-config"], status.ConfigMapNames);
        Assert.Equal(("3/3", 3, "2/2", 2, "1/1", 1), (status.PrefillReady, status.PrefillAvailable, status.DecodeReady, status.DecodeAvailable, status.EppReady, status.EppAvailable));
        var applied = Assert.Single(status.AppliedConfigs!);
        Assert.Equal(("BaseConfig", "default", "preset-pd-nixl"), (applied.Kind, applied.Namespace, applied.Name));
        Assert.NotNull(applied.ResourceVersion);

        var conditions = status.Conditions!.ToDictionary(c => c.Type);
        foreach (var type in new[] { "Ready", "PresetsResolved", "Rendered", "WorkloadsReady", "RoutingReady" })
        {
            Assert.True(conditions[type].Status == "True", $"{type}: {conditions[type].Reason} {conditions[type].Message}");
        }

        Assert.Equal("False", conditions["DeprecatedPreset"].Status);
        Assert.Equal("True", conditions["DecodeAvailable"].Status);
        Assert.Equal("True", conditions["PrefillProgressing"].Status);
        Assert.Equal("True", conditions["EppAvailable"].Status);
        Assert.All(status.Conditions!, c => Assert.Equal(ms.Metadata.Generation, c.ObservedGeneration));
        Assert.Equal("Ready", status.Conditions![0].Type);

        var events = await cluster.WaitForEventAsync("llama-pd", "Ready");
        var created = Assert.Single(events, e => e.Reason == "Created");
        Assert.Contains("Deployment llama-pd-decode", created.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPRoute llama-pd-http-route", created.Message, StringComparison.Ordinal);
    }
}
