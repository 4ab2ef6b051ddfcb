using BenchmarkDotNet.Attributes;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;

namespace Keel.Benchmarks.Rendering;

/// <summary>
/// A full render of the P/D sample (samples/pd-disaggregation: 11 children) as the operator runs it: with a warm
/// <see cref="RenderCache"/> (templates parsed and preset values read once, the reconcile steady state) and with a fresh
/// cache every time (the first reconcile after a preset change), for both preset forms. Renders per second =
/// 1 s / Mean; allocations per render = Allocated.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly ModelServiceRenderer warm = new();
    private RenderRequest configMapRequest = null!;
    private RenderRequest baseConfigRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        string Sample(string file) => File.ReadAllText(Path.Combine(root, "samples", "pd-disaggregation", file));
        var modelService = KeelYaml.Deserialize<ModelService>(Sample("modelservice.yaml"));
        var settings = new RenderSettings { EppClusterRole = RenderSettings.DefaultEppClusterRole };
        configMapRequest = new RenderRequest
        {
            ModelService = modelService,
            Preset = PresetSource.From(KeelYaml.Deserialize<k8s.Models.V1ConfigMap>(Sample("preset-configmap.yaml"))),
            Settings = settings,
        };
        baseConfigRequest = configMapRequest with { Preset = PresetSource.From(KeelYaml.Deserialize<BaseConfig>(Sample("preset-baseconfig.yaml"))) };
        if (!warm.Render(configMapRequest).Succeeded || !warm.Render(baseConfigRequest).Succeeded)
        {
            throw new InvalidOperationException("the P/D sample does not render");
        }
    }

    [Benchmark(Baseline = true, Description = "ConfigMap preset, cached")]
    public RenderResult ConfigMapCached() => warm.Render(configMapRequest);

    [Benchmark(Description = "ConfigMap preset, uncached")]
    public RenderResult ConfigMapUncached() => new ModelServiceRenderer().Render(configMapRequest);

    [Benchmark(Description = "BaseConfig preset, cached")]
    public RenderResult BaseConfigCached() => warm.Render(baseConfigRequest);

    [Benchmark(Description = "BaseConfig preset, uncached")]
    public RenderResult BaseConfigUncached() => new ModelServiceRenderer().Render(baseConfigRequest);

    [Benchmark(Description = "ConfigMap preset, cached, with provenance")]
    public RenderResult ConfigMapCachedExplained() => warm.Render(configMapRequest with { TrackProvenance = true });

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    }
}
