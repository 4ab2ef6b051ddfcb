using static Keel.Cli.Tests.Render.RenderCommandRunner;

namespace Keel.Cli.Tests.Render;

/// <summary>
/// Golden renders of every sample, in both preset forms and both pool modes, through the command (so the ModelService
/// gets its CRD defaults as in a cluster). The goldens were reviewed line by line against the spec; what was checked is
/// written in Golden/REVIEW.md.
/// </summary>
public sealed class RenderSampleGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in new[] { "single-node-hf", "pvc-tensor-parallel", "pd-disaggregation", "oci-legacy-preset" })
        {
            foreach (var api in new[] { "v1", "v1alpha2" })
            {
                data.Add(sample, api);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_sample_renders_to_its_golden_from_both_preset_forms(string sample, string api)
    {
        var (exit, stdout, stderr) = await Run("-m", RenderGolden.Sample(sample, "modelservice.yaml"), "-b", RenderGolden.Sample(sample, "preset-configmap.yaml"), "--pool-api", api);
        Assert.True(exit == 0, stderr);
        RenderGolden.Verify($"{sample}.{api}.yaml", stdout);
        Assert.DoesNotContain("unknown field", stderr, StringComparison.Ordinal);

        (exit, var fromBaseConfig, stderr) = await Run("-m", RenderGolden.Sample(sample, "modelservice.yaml"), "-b", RenderGolden.Sample(sample, "preset-baseconfig.yaml"), "--pool-api", api);
        Assert.True(exit == 0, stderr);
        if (sample == "oci-legacy-preset" && api == "v1alpha2")
        {
            // The migrated BaseConfig names the endpoint picker port (9002) that the legacy pool left to its default.
            RenderGolden.Verify($"{sample}.{api}.baseconfig.yaml", fromBaseConfig);
            Assert.Equal(stdout, fromBaseConfig.Replace("    portNumber: 9002\n", string.Empty, StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(stdout, fromBaseConfig);
        }
    }

    [Fact]
    public async Task The_explained_pd_render_matches_its_golden()
    {
        var (exit, stdout, stderr) = await Run("-m", RenderGolden.Sample("pd-disaggregation", "modelservice.yaml"), "-b", RenderGolden.Sample("pd-disaggregation", "preset-baseconfig.yaml"), "--explain");
        Assert.True(exit == 0, stderr);
        RenderGolden.Verify("pd-disaggregation.v1.explain.yaml", stdout);
    }

    [Fact]
    public async Task Settings_flags_reach_the_children()
    {
        var (exit, stdout, stderr) = await Run(
            "-m", RenderGolden.Sample("pd-disaggregation", "modelservice.yaml"), "-b", RenderGolden.Sample("pd-disaggregation", "preset-baseconfig.yaml"),
            "-n", "models", "--epp-cluster-role", "my-epp-role", "--pd-pull-secrets", "reg-a, reg-b", "--epp-pull-secrets", "reg-c");
        Assert.True(exit == 0, stderr);
        Assert.Contains("  name: llama-pd-sa\n  namespace: models\n", stdout, StringComparison.Ordinal);
        Assert.Contains("imagePullSecrets:\n- name: reg-a\n- name: reg-b\n", stdout, StringComparison.Ordinal);
        Assert.Contains("imagePullSecrets:\n- name: reg-c\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  kind: ClusterRole\n  name: my-epp-role\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace: default", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_is_byte_identical_run_after_run()
    {
        var args = new[] { "-m", RenderGolden.Sample("pd-disaggregation", "modelservice.yaml"), "-b", RenderGolden.Sample("pd-disaggregation", "preset-configmap.yaml"), "--explain" };
        var first = await Run(args);
        var second = await Run(args);
        Assert.Equal(first, second);
    }
}
