using static Keel.Cli.Tests.Migrate.MigrateRunner;

namespace Keel.Cli.Tests.Migrate;

/// <summary>
/// `modelservice migrate --check` on every sample: exit 0, the BaseConfig on stdout and the report on stderr, both
/// golden (the worked example of docs/user-guide/migration.md is the oci-legacy-preset sample).
/// </summary>
public sealed class MigrateSampleGoldenTests
{
    public static TheoryData<string> SampleNames() => [.. Samples];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Sample_migrates_with_a_passing_check(string sample)
    {
        var (exit, stdout, stderr) = await Run("--base-config", Sample(sample, "preset-configmap.yaml"), "--check", Sample(sample, "modelservice.yaml"));
        Assert.True(exit == 0, stderr);
        MigrateGolden.Verify(sample + ".baseconfig.yaml", stdout);
        MigrateGolden.Verify(sample + ".stderr.txt", stderr);
        Assert.Contains("children identical", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_takes_several_ModelServices()
    {
        var (exit, _, stderr) = await Run(
            "-b", Sample("pvc-tensor-parallel", "preset-configmap.yaml"),
            "--check", Sample("pvc-tensor-parallel", "modelservice.yaml"), Sample("single-node-hf", "modelservice.yaml"));
        Assert.True(exit == 0, stderr);
        Assert.Contains("check: ModelService default/llama-70b (samples/pvc-tensor-parallel/modelservice.yaml), --pool-api v1: ", stderr, StringComparison.Ordinal);
        Assert.Contains("check: ModelService default/opt-125m (samples/single-node-hf/modelservice.yaml), --pool-api v1alpha2: ", stderr, StringComparison.Ordinal);
        Assert.Equal(4, stderr.Split('\n').Count(l => l.EndsWith("identical", StringComparison.Ordinal)));
    }
}
