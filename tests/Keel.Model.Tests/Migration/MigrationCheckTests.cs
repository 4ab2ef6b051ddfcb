using Keel.Model.Api;
using Keel.Model.Migration.Checking;
using Keel.Model.Serialization;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>The check reports a child that differs with a unified diff, and a side that does not render with its errors.</summary>
public sealed class MigrationCheckTests
{
    [Fact]
    public void A_changed_BaseConfig_is_caught_with_a_diff_of_the_child()
    {
        var configMap = SampleConfigMap("single-node-hf");
        var result = Ok(configMap);
        var tampered = result.Manifest!.DeepClone().AsObject();
        tampered["spec"]!["decodeService"]!["spec"]!["type"] = "NodePort";
        var outcome = MigrationCheck.Compare(SampleModelService("single-node-hf"), configMap, KeelJson.Deserialize<BaseConfig>(tampered), Settings);

        Assert.False(outcome.Identical);
        var difference = Assert.Single(outcome.Differences);
        Assert.Equal("Service default/opt-125m-service-decode", difference.Child);
        Assert.Contains("--- Service default/opt-125m-service-decode (from the ConfigMap)\n+++ Service default/opt-125m-service-decode (from the BaseConfig)\n", difference.Diff, StringComparison.Ordinal);
        Assert.Contains("\n-  type: ClusterIP\n+  type: NodePort\n", difference.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_on_one_side_only_diffs_against_nothing()
    {
        var configMap = SampleConfigMap("single-node-hf");
        var result = Ok(configMap);
        var tampered = result.Manifest!.DeepClone().AsObject();
        tampered["spec"]!.AsObject().Remove("decodeService");
        var outcome = MigrationCheck.Compare(SampleModelService("single-node-hf"), configMap, KeelJson.Deserialize<BaseConfig>(tampered), Settings);
        var difference = Assert.Single(outcome.Differences);
        Assert.StartsWith("--- Service default/opt-125m-service-decode (from the ConfigMap)\n+++ Service default/opt-125m-service-decode (from the BaseConfig: not rendered)\n@@ -1,", difference.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain(difference.Diff.Split('\n').Skip(2), line => line.StartsWith('+'));
    }

    [Fact]
    public void A_ModelService_that_does_not_render_against_the_ConfigMap_is_reported_not_compared()
    {
        var configMap = SampleConfigMap("pd-disaggregation");
        var result = Ok(configMap);
        var modelService = SampleModelService("single-node-hf"); // defines only the port `http`, which this preset does not use, and no prefill
        var outcome = MigrationCheck.Compare(modelService, configMap, result.BaseConfig!, Settings with { EppClusterRole = null });
        Assert.False(outcome.Identical);
        Assert.NotEmpty(outcome.OriginalErrors);
        Assert.Equal(outcome.OriginalErrors.Count, outcome.MigratedErrors.Count);
    }
}
