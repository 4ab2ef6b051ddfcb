using System.Text.Json.Nodes;
using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>What the controller applies: only fields the operator sets, and decoupleScaling's replicas rule (spec 5.6).</summary>
public sealed class ApplyBodyTests
{
    [Fact]
    public void Without_decoupleScaling_the_operator_owns_replicas()
    {
        var decode = Ok(ModelServiceWith("decode: {replicas: 3}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).Child(ChildRole.DecodeDeployment)!;
        Assert.Equal(ReplicasPolicy.Owned, decode.ReplicasPolicy);
        Assert.Equal(3, decode.ApplyBody(exists: true)["spec"]!["replicas"]!.GetValue<int>());
        Assert.Null(decode.ReplicasHandoverBody());
    }

    [Fact]
    public void With_decoupleScaling_replicas_are_applied_only_on_creation()
    {
        var result = Ok(ModelServiceWith("decoupleScaling: true\ndecode: {replicas: 3}\nprefill: {replicas: 2}"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment), ("eppDeployment", Parts.EppDeployment)));
        foreach (var role in new[] { ChildRole.DecodeDeployment, ChildRole.PrefillDeployment })
        {
            var child = result.Child(role)!;
            Assert.Equal(ReplicasPolicy.InitialOnly, child.ReplicasPolicy);
            Assert.NotNull(child.ApplyBody(exists: false)["spec"]!["replicas"]);
            var existing = child.ApplyBody(exists: true);
            Assert.Null(existing["spec"]!["replicas"]);
            Assert.NotNull(existing["spec"]!["template"]);
            var handover = child.ReplicasHandoverBody()!;
            Assert.Equal(
                """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":""" + "\"" + child.Name + "\"" + ""","namespace":"team"},"spec":{"replicas":""" + child.Replicas + "}}",
                handover.ToJsonString());
        }

        // The endpoint picker is not a model server: the operator always owns its replicas.
        Assert.Equal(ReplicasPolicy.Owned, result.Child(ChildRole.EppDeployment)!.ReplicasPolicy);
    }

    [Fact]
    public void Bodies_hold_no_nulls_no_status_and_no_empty_collections_the_operator_invented()
    {
        var result = Ok(ModelServiceWith("decode: {containers: [{name: vllm, mountModelVolume: true}]}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("eppDeployment", Parts.EppDeployment)));
        foreach (var child in result.Children)
        {
            var body = child.ApplyBody(exists: false);
            Assert.Null(body["status"]);
            Walk(body, child.ToString());
        }

        // Service accounts without pull secrets in the settings have no imagePullSecrets field at all.
        Assert.Null(Json(result, ChildRole.WorkloadServiceAccount)["imagePullSecrets"]);
        var withSecrets = Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("eppDeployment", Parts.EppDeployment)),
            Settings with { WorkloadPullSecrets = ["registry-a", "registry-b"], EppPullSecrets = ["registry-c"] });
        Assert.Equal("""[{"name":"registry-a"},{"name":"registry-b"}]""", Json(withSecrets, ChildRole.WorkloadServiceAccount)["imagePullSecrets"]!.ToJsonString());
        Assert.Equal("""[{"name":"registry-c"}]""", Json(withSecrets, ChildRole.EppServiceAccount)["imagePullSecrets"]!.ToJsonString());
    }

    [Fact]
    public void Server_set_metadata_and_status_in_a_preset_are_dropped_with_a_warning()
    {
        var part = "metadata:\n  uid: abc\n  resourceVersion: '9'\n  annotations: {team: a}\n" + Parts.DecodeDeployment + "\nstatus:\n  replicas: 4\n";
        var result = Ok(ModelService(), ConfigMap(("decodeDeployment", part)));
        var deployment = Json(result, ChildRole.DecodeDeployment);
        Assert.Null(deployment["status"]);
        Assert.Null(deployment["metadata"]!["uid"]);
        Assert.Null(deployment["metadata"]!["resourceVersion"]);
        Assert.Equal("a", deployment["metadata"]!["annotations"]!["team"]!.GetValue<string>());
        Assert.Contains(result.Warnings, w => w.Reason == RenderReasons.IgnoredField && w.Message.Contains("status, metadata.uid, metadata.resourceVersion", StringComparison.Ordinal));
    }

    private static void Walk(JsonNode? node, string where)
    {
        switch (node)
        {
            case null:
                throw new Xunit.Sdk.XunitException($"{where}: null in an apply body");
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    // An empty map or list here would be a field the operator owns for nothing (emptyDir: {} is a value).
                    if (key != "emptyDir" && value is JsonObject { Count: 0 } or JsonArray { Count: 0 })
                    {
                        throw new Xunit.Sdk.XunitException($"{where}: empty {key}");
                    }

                    Walk(value, where + "." + key);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, where + "[]");
                }

                break;
        }
    }
}
