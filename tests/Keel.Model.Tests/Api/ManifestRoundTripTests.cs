using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Model.Tests.Serialization;

namespace Keel.Model.Tests.Api;

/// <summary>Manifests read into the C# types and written back lose nothing (semantic JSON equality).</summary>
public sealed class ManifestRoundTripTests
{
    public static TheoryData<string> ModelServiceManifests() => [.. ModelServicePaths()];

    private static IEnumerable<string> ModelServicePaths() =>
        Directory.GetFiles(Repository.PathOf("samples", "manifests"), "modelservice-*.yaml")
            .Concat(Directory.GetFiles(Repository.PathOf("samples"), "modelservice.yaml", SearchOption.AllDirectories))
            .Select(Relative)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> BaseConfigManifests() =>
        [.. Directory.GetFiles(Repository.PathOf("samples", "manifests"), "baseconfig-*.yaml").Select(Relative)];

    [Theory]
    [MemberData(nameof(ModelServiceManifests))]
    public void ModelService_manifests_round_trip_without_loss(string path) =>
        AssertRoundTrip<ModelService>(path);

    [Theory]
    [MemberData(nameof(BaseConfigManifests))]
    public void BaseConfig_manifests_round_trip_without_loss(string path) =>
        AssertRoundTrip<BaseConfig>(path);

    [Fact]
    public void The_manifests_together_set_every_ModelService_field()
    {
        // Every property of every API type a ModelService reaches is set (non-null) in at least one manifest.
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ModelServicePaths())
        {
            TypePaths.CollectSet(KeelYaml.Deserialize<ModelService>(File.ReadAllText(Repository.PathOf(path))), set);
        }

        var missing = TypePaths.Declared(typeof(ModelService)).Where(p => !set.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "fields no manifest sets: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_every_field_manifest_reads_into_the_expected_values()
    {
        var ms = KeelYaml.Deserialize<ModelService>(File.ReadAllText(Repository.PathOf("samples", "manifests", "modelservice-hf-every-field.yaml")));
        Assert.Equal("pd-nixl", ms.Spec.BaseConfigRef!.Name);
        Assert.Equal(["app_port", "internal_port"], ms.Spec.Routing.Ports!.Select(p => p.Name));
        Assert.Equal(443, ms.Spec.Routing.GatewayRefs![1].Port);
        Assert.Equal("40Gi", ms.Spec.ModelArtifacts.Size!.ToString());
        Assert.Equal(0, ms.Spec.Prefill!.Replicas);
        Assert.Equal(["vllm", "serve"], ms.Spec.Decode!.Containers![0].Command!);
        Assert.Equal("status.podIP", ms.Spec.Decode.Containers[0].Env![1].ValueFrom.FieldRef.FieldPath);
        Assert.Equal(4, ms.Spec.Decode.Parallelism!.Data);
        Assert.Equal("Ready", ms.Status!.Conditions![0].Type);
        Assert.Equal(AppliedConfigKinds.BaseConfig, ms.Status.AppliedConfigs![0].Kind);
    }

    private static void AssertRoundTrip<T>(string path)
    {
        var document = KeelYaml.ParseSingle(File.ReadAllText(Repository.PathOf(path)), path);
        var typed = KeelJson.Deserialize<T>(document.Root, path, document.Positions);
        JsonAssert.Equivalent(document.Root, KeelJson.SerializeToNode(typed), path);

        // And through YAML again.
        var yaml = KeelYaml.Serialize(typed);
        JsonAssert.Equivalent(document.Root, KeelYaml.ParseSingle(yaml).Root, path + " (YAML)");
    }

    private static string Relative(string fullPath) => Path.GetRelativePath(Repository.Root, fullPath).Replace('\\', '/');
}
