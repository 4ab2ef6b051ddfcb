using k8s.Models;
using Keel.Model.Merging;
using Keel.Model.Topology;
using static Keel.Generators.Tests.Merging.MergeAssert;

namespace Keel.Generators.Tests.Merging;

/// <summary>The observer tells, per decided path, which side set the value and under which rule (--explain).</summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void Observer_reports_side_and_rule_per_path()
    {
        var trace = new MergeTrace();
        ObjectMerger.Merge(
            Parse<V1Deployment>("""
                metadata: {labels: {app: vllm}}
                spec:
                  replicas: 2
                  template:
                    spec:
                      tolerations: [{key: a, operator: Exists}]
                      containers: [{name: vllm, image: vllm:v1, args: [--port, '8000'], env: [{name: HF_TOKEN, value: x}]}, {name: sidecar}]
                """),
            Parse<V1Deployment>("""
                metadata: {labels: {tier: decode}}
                spec:
                  replicas: 0
                  template:
                    spec:
                      containers: [{name: vllm, args: [model], env: [{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}]}]
                """),
            trace);

        Assert.Equal(new MergeEvent("spec.replicas", MergeSide.Overlay, MergeStrategy.Replace), trace.At("spec.replicas"));
        Assert.Equal(new MergeEvent("metadata.labels['app']", MergeSide.Base, MergeStrategy.MapUnion), trace.At("metadata.labels['app']"));
        Assert.Equal(new MergeEvent("metadata.labels['tier']", MergeSide.Overlay, MergeStrategy.MapUnion), trace.At("metadata.labels['tier']"));
        Assert.Equal(MergeSide.Base, trace.At("spec.template.spec.tolerations")?.Side);
        Assert.Equal(MergeStrategy.AtomicList, trace.At("spec.template.spec.tolerations")?.Strategy);
        Assert.Equal(new MergeEvent("spec.template.spec.containers[name=vllm].args", MergeSide.Both, MergeStrategy.Prepend), trace.At("spec.template.spec.containers[name=vllm].args"));
        Assert.Equal(MergeSide.Base, trace.At("spec.template.spec.containers[name=vllm].image")?.Side);
        Assert.Equal(new MergeEvent("spec.template.spec.containers[name=sidecar]", MergeSide.Base, MergeStrategy.MapList), trace.At("spec.template.spec.containers[name=sidecar]"));
        Assert.Equal(
            new MergeEvent("spec.template.spec.containers[name=vllm].env[name=HF_TOKEN].value", MergeSide.Cleared, MergeStrategy.Replace, "value"),
            trace.At("spec.template.spec.containers[name=vllm].env[name=HF_TOKEN].value"));
        // A subtree only one side has is reported once, at its root.
        Assert.Equal(
            new MergeEvent("spec.template.spec.containers[name=vllm].env[name=HF_TOKEN].valueFrom", MergeSide.Overlay, MergeStrategy.MergeFields),
            trace.At("spec.template.spec.containers[name=vllm].env[name=HF_TOKEN].valueFrom"));
        Assert.Null(trace.At("spec.template.spec.containers[name=vllm].env[name=HF_TOKEN].valueFrom.secretKeyRef"));

        // Every reported path resolves in the topology, so --explain can show the rule of each.
        foreach (var e in trace.Events)
        {
            Assert.True(TopologyCatalog.Resolve(typeof(V1Deployment), e.Path) is not null, "unresolved path " + e.Path);
        }
    }

    [Fact]
    public void Unobserved_merge_reports_nothing_and_gives_the_same_result()
    {
        var @base = Parse<V1Deployment>("spec: {replicas: 2, template: {spec: {containers: [{name: a, args: [x]}]}}}");
        var overlay = Parse<V1Deployment>("spec: {template: {spec: {containers: [{name: a, args: [y]}]}}}");
        var observed = ObjectMerger.Merge(@base, overlay, new MergeTrace());
        var plain = ObjectMerger.Merge(@base, overlay);
        Equal(k8s.KubernetesYaml.Serialize(observed), plain);
    }
}
