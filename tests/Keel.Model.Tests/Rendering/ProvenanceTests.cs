using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>Spec 2.5: for any field of a child, which layer set it and the merge rule used.</summary>
public sealed class ProvenanceTests
{
    private static Dictionary<string, FieldProvenance> Fields(RenderResult result, ChildRole role) =>
        result.Child(role)!.Provenance!.ToDictionary(p => p.Path);

    [Fact]
    public void Every_leaf_of_a_workload_is_attributed_to_its_layer_and_rule()
    {
        var ms = ModelServiceWith("decode:\n  replicas: 4\n  parallelism: {tensor: 2}\n  containers:\n    - name: vllm\n      mountModelVolume: true\n      args: ['{{ .HFModelName }}']\n      env: [{name: EXTRA, value: '1'}]");
        var fields = Fields(Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment)), provenance: true), ChildRole.DecodeDeployment);
        const string vllm = "spec.template.spec.containers[name=vllm]";

        Assert.Equal((RenderLayer.ModelService, "Replace"), (fields["spec.replicas"].Layers, fields["spec.replicas"].Rule));
        Assert.Equal((RenderLayer.Preset, "Replace"), (fields[vllm + ".image"].Layers, fields[vllm + ".image"].Rule));
        Assert.Equal((RenderLayer.Operator, OperatorRules.Parallelism), (fields[vllm + ".args"].Layers, fields[vllm + ".args"].Rule));
        Assert.Equal(RenderLayer.Preset, fields[vllm + ".env[name=LOG].value"].Layers);
        Assert.Equal(RenderLayer.ModelService, fields[vllm + ".env[name=EXTRA].value"].Layers);
        Assert.Equal(RenderLayer.Operator, fields[vllm + ".env[name=HF_HOME].value"].Layers);
        Assert.Equal((RenderLayer.Operator, OperatorRules.Parallelism), (fields[vllm + ".resources.limits['nvidia.com/gpu']"].Layers, fields[vllm + ".resources.limits['nvidia.com/gpu']"].Rule));
        Assert.Equal(RenderLayer.Operator, fields["metadata.name"].Layers);
        Assert.Equal((RenderLayer.Operator, OperatorRules.Forced), (fields["apiVersion"].Layers, fields["apiVersion"].Rule));
        Assert.Equal(RenderLayer.Operator, fields["spec.selector.matchLabels['llm-d.ai/role']"].Layers);

        // Every leaf is attributed to something.
        Assert.DoesNotContain(fields.Values, f => f.Layers == RenderLayer.None);
    }

    [Fact]
    public void Prepended_args_are_attributed_to_both_layers()
    {
        var ms = ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      args: [model]");
        var args = Fields(Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment)), provenance: true), ChildRole.DecodeDeployment)["spec.template.spec.containers[name=vllm].args"];
        Assert.Equal(RenderLayer.Preset | RenderLayer.ModelService, args.Layers);
        Assert.Equal("Prepend", args.Rule);
        Assert.Equal("ModelService+preset", args.LayerText);
    }

    [Fact]
    public void Provenance_is_off_unless_asked_for_and_does_not_change_the_children()
    {
        var ms = ModelServiceWith("decode: {replicas: 1}");
        var plain = Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        var explained = Ok(ms, ConfigMap(("decodeDeployment", Parts.DecodeDeployment)), provenance: true);
        Assert.All(plain.Children, c => Assert.Null(c.Provenance));
        Assert.Equal(plain.Children.Select(c => c.Json), explained.Children.Select(c => c.Json));
    }

    [Fact]
    public void The_explained_yaml_stream_comments_every_leaf_and_keeps_the_documents_unchanged()
    {
        var result = Ok(ModelServiceWith("decode: {replicas: 1}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)), provenance: true);
        var plain = RenderYaml.Write(result.Children);
        var explained = RenderYaml.Write(result.Children, explain: true);
        var withoutComments = string.Join("\n", explained.Split('\n').Where(l => !l.StartsWith('#'))) ;
        Assert.Equal(plain, withoutComments);
        Assert.Contains("#   spec.replicas", explained, StringComparison.Ordinal);
        Assert.Contains("ModelService", explained, StringComparison.Ordinal);
    }
}
