using System.Diagnostics;

namespace Platform.Presets.Tests;

/// <summary>
/// The build-time checks in the Keel.Model package fail a consumer's build: a throwaway project with the same package
/// reference compiles a preset with a misspelt template variable (the presets analyzer), a custom resource with a
/// broken merge rule (the Keel generator), then the corrected sources.
/// </summary>
public sealed class AnalyzerTests
{
    private const string PresetWithTypo = """
        using k8s.Models;
        using Keel.Model.Authoring;
        using Keel.Model.Authoring.Shapes;

        [RequiresRoutingPort("http")]
        public sealed class TypoPreset : Preset
        {
            public override string Name => "typo";

            protected override void Configure(PresetParts parts)
            {
                var vllm = Vllm.Container(new VllmOptions { Image = "vllm/vllm-openai:v0.11.2", Port = Template.Port("http") });
                vllm.Args.Insert(0, "{{ .HFModelNmae }}");
                parts.DecodeDeployment = Workloads.Deployment(vllm);
            }
        }
        """;

    // A map-list keyed by a field its items do not have: the generator's KEEL003, a merge-rule error.
    private const string ResourceWithBadMergeKey = """
        using k8s.Models;
        using Keel.Annotations;

        [CustomResource("presets.example.com", "v1", "Widget")]
        public partial class Widget
        {
            public V1ObjectMeta? Metadata { get; set; }
            public WidgetSpec? Spec { get; set; }
        }

        public class WidgetSpec
        {
            [ListMapKey("id")] public IList<WidgetItem>? Items { get; set; }
        }

        public class WidgetItem
        {
            public required string Name { get; set; }
        }
        """;

    [Fact]
    public async Task A_broken_merge_rule_fails_the_build_with_the_generators_diagnostic()
    {
        var project = Directory.CreateTempSubdirectory("keel-generator-check-");
        try
        {
            WriteProject(project.FullName);
            File.WriteAllText(Path.Combine(project.FullName, "Widget.cs"), ResourceWithBadMergeKey);
            var (failed, output) = await Build(project.FullName);
            Assert.True(failed != 0, "the build with [ListMapKey(\"id\")] on items without an id succeeded:\n" + output);
            Assert.Contains("error KEEL003:", output, StringComparison.Ordinal);
            Assert.Contains("Widget.cs(13,", output, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(project.FullName, "Widget.cs"), ResourceWithBadMergeKey.Replace("[ListMapKey(\"id\")]", "[ListMapKey(\"name\")]", StringComparison.Ordinal));
            var (fixedExit, fixedOutput) = await Build(project.FullName);
            Assert.True(fixedExit == 0, "the corrected custom resource does not build:\n" + fixedOutput);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_misspelt_template_variable_fails_the_build_with_a_suggestion()
    {
        var project = Directory.CreateTempSubdirectory("keel-analyzer-check-");
        try
        {
            WriteProject(project.FullName);
            File.WriteAllText(Path.Combine(project.FullName, "TypoPreset.cs"), PresetWithTypo);
            var (failed, output) = await Build(project.FullName);
            Assert.True(failed != 0, "the build with {{ .HFModelNmae }} succeeded:\n" + output);
            Assert.Contains("error KEEL102: Unknown template variable '.HFModelNmae'; did you mean 'HFModelName'?", output, StringComparison.Ordinal);
            Assert.Contains("TypoPreset.cs(13,", output, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(project.FullName, "TypoPreset.cs"), PresetWithTypo.Replace("HFModelNmae", "HFModelName", StringComparison.Ordinal));
            var (fixedExit, fixedOutput) = await Build(project.FullName);
            Assert.True(fixedExit == 0, "the corrected preset does not build:\n" + fixedOutput);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    private static void WriteProject(string folder)
    {
        // Its own MSBuild and NuGet settings, so nothing is inherited from the folders above it.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="keel-local" value="{TestSetup.KeelFeed}" />
              </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="keel-local"><package pattern="Keel.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Throwaway.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>NU1603;KEEL107</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Keel.Model" Version="{TestSetup.KeelVersion}" />
              </ItemGroup>
            </Project>
            """);
    }

    private static async Task<(int ExitCode, string Output)> Build(string folder)
    {
        var start = new ProcessStartInfo("dotnet", ["build", folder, "-nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
