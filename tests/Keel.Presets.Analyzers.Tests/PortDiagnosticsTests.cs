extern alias analyzer;

using Microsoft.CodeAnalysis;
using static Keel.Presets.Analyzers.Tests.AnalyzerHarness;

namespace Keel.Presets.Analyzers.Tests;

/// <summary>KEEL105–KEEL108: routing ports a preset reads, declares, and the sample ModelServices define.</summary>
public sealed class PortDiagnosticsTests
{
    private const string PdPreset = """
        [RequiresRoutingPort("app_port")]
        [RequiresRoutingPort("internal_port")]
        public sealed class Pd : Preset
        {
            public override string Name => "preset-pd";

            protected override void Configure(PresetParts parts)
            {
                var vllm = new VllmOptions { Image = "vllm", Port = Template.Port("app_port") };
                PrefillDecode.Pair(parts, vllm, Template.Port("app_port"), Template.Port("internal_port"));
            }
        }
        """;

    private static (string, string) Sample(string name, string? preset, params string[] ports)
    {
        var reference = preset is null ? "" : $"\n  baseConfigRef:\n    name: {preset}";
        var list = string.Concat(ports.Select((p, i) => $"\n      - name: {p}\n        port: {8000 + i}"));
        return ($"samples/{name}/modelservice.yaml", $"""
            apiVersion: llm-d.ai/v1alpha1
            kind: ModelService
            metadata:
              name: {name}
            spec:{reference}
              routing:
                modelName: m
                ports:{(ports.Length == 0 ? " []" : list)}
              modelArtifacts:
                uri: hf://a/b
            """);
    }

    [Fact]
    public void Ports_declared_and_defined_by_the_referencing_sample_are_clean()
    {
        Assert.Empty(Analyze(PdPreset, Sample("llama", "preset-pd", "app_port", "internal_port")));
    }

    [Fact]
    public void A_referencing_sample_without_a_required_port_is_an_error_naming_it()
    {
        var diagnostic = Single(Analyze(PdPreset, Sample("llama", "preset-pd", "app_port"), Sample("other", "preset-x", "internal_port")), "KEEL106");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "Preset 'preset-pd' requires the routing port 'internal_port', but the sample ModelService 'llama' (llama/modelservice.yaml) references it and does not define it under spec.routing.ports",
            diagnostic.GetMessage());
        Assert.Equal("RequiresRoutingPort(\"internal_port\")", Text(diagnostic));
    }

    [Fact]
    public void Without_a_referencing_sample_some_sample_must_define_the_port()
    {
        Assert.Empty(Analyze(PdPreset, Sample("a", null, "app_port"), Sample("b", "elsewhere", "internal_port")));
        var diagnostic = Single(Analyze(PdPreset, Sample("a", null, "app_port"), Sample("b", null, "http")), "KEEL106");
        Assert.Equal(
            "Preset 'preset-pd' requires the routing port 'internal_port', but no sample ModelService defines it under spec.routing.ports (samples: a/modelservice.yaml, b/modelservice.yaml)",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_port_read_but_not_declared_is_a_warning_at_each_read()
    {
        var diagnostics = Analyze("""
            [RequiresRoutingPort("http")]
            public sealed class P : Preset
            {
                public override string Name => "p";

                protected override void Configure(PresetParts parts)
                {
                    parts.DecodeService = Workloads.ClusterIpService(Workloads.ServicePort("metrics", Template.Port("metrics")));
                    parts.Templates["decodeDeployment"] = "spec:\n  replicas: {{ \"metricz\" | getPort }}\n  x: {{ getPort \"http\" }}";
                }
            }
            """, Sample("s", "p", "http"));
        var undeclared = diagnostics.Where(d => d.Id == "KEEL105").ToList();
        Assert.All(undeclared, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(["\"metrics\"", "\\\"metricz\\\""], undeclared.Select(Text));
        Assert.Equal(
            "Preset 'p' reads the routing port 'metrics' with getPort but does not declare it: add [RequiresRoutingPort(\"metrics\")] to the preset",
            undeclared[0].GetMessage());
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public void Required_ports_without_samples_are_a_warning()
    {
        var diagnostic = Single(Analyze(PdPreset), "KEEL107");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("(app_port, internal_port)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_that_does_not_parse_is_reported_and_others_still_count()
    {
        var diagnostics = Analyze(PdPreset, ("samples/broken/modelservice.yaml", "spec: [unclosed"), Sample("llama", "preset-pd", "app_port", "internal_port"));
        var diagnostic = Single(diagnostics, "KEEL108");
        Assert.Equal("Sample ModelService broken/modelservice.yaml cannot be read: line 2, column 1: While parsing a flow sequence, did not find expected ',' or ']'.", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(diagnostics, d => d.Id == "KEEL106");
    }

    [Fact]
    public void Additional_files_without_the_sample_metadata_are_not_samples()
    {
        Assert.Single(Analyze(PdPreset, [], [Sample("llama", "preset-pd", "app_port", "internal_port")]), d => d.Id == "KEEL107");
    }

    [Fact]
    public void The_repository_samples_read_as_modelservices_with_their_ports()
    {
        var samples = new[] { "single-node-hf", "pvc-tensor-parallel", "oci-legacy-preset", "pd-disaggregation" }
            .Select(s => analyzer::Keel.Presets.Analyzers.Samples.SampleReader.Read(s, File.ReadAllText(RepositoryPath("samples", s, "modelservice.yaml")), out var error).Single())
            .ToDictionary(s => s.File);
        Assert.Equal(["http"], samples["single-node-hf"].Ports.ToArray());
        Assert.Equal("preset-single-node", samples["single-node-hf"].PresetName);
        Assert.Equal(["app_port", "internal_port"], samples["pd-disaggregation"].Ports.ToArray());
        Assert.Equal("llama-pd", samples["pd-disaggregation"].Name);
    }

    private static string RepositoryPath(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }
}
