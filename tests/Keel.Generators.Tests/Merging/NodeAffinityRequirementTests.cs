using k8s.Models;
using Keel.Model.Merging;
using static Keel.Generators.Tests.Merging.MergeAssert;

namespace Keel.Generators.Tests.Merging;

/// <summary>Accelerator requirements are ANDed into every required node-selector term (spec 4.1), never ORed as a new term.</summary>
public sealed class NodeAffinityRequirementTests
{
    private static readonly V1NodeSelectorRequirement Gpu = new() { Key = "nvidia.com/gpu.product", OperatorProperty = "In", Values = ["H100"] };

    private static V1Affinity Affinity(string yaml) => Parse<V1PodSpec>(yaml).Affinity;

    [Fact]
    public void Requirement_is_added_to_every_required_term()
    {
        var affinity = Affinity("""
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: zone, operator: In, values: [a]}]
                  - matchExpressions: [{key: zone, operator: In, values: [b]}, {key: nvidia.com/gpu.product, operator: In, values: [A100]}]
                preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: fast, operator: Exists}]}}]
            """);
        var result = NodeAffinityRequirement.AddToEveryTerm(affinity, Gpu);
        Equal("""
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: zone, operator: In, values: [a]}, {key: nvidia.com/gpu.product, operator: In, values: [H100]}]
                  - matchExpressions: [{key: zone, operator: In, values: [b]}, {key: nvidia.com/gpu.product, operator: In, values: [H100]}]
                preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: fast, operator: Exists}]}}]
            """, new V1PodSpec { Affinity = result });

        // The input is unchanged.
        Assert.Single(affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[0].MatchExpressions);
    }

    [Fact]
    public void Requirement_becomes_the_only_term_when_there_is_none()
    {
        Equal(
            "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: nvidia.com/gpu.product, operator: In, values: [H100]}]}]}}}",
            new V1PodSpec { Affinity = NodeAffinityRequirement.AddToEveryTerm(null, Gpu) });
    }
}
