using System.Diagnostics;

namespace Platform.Presets.Tests;

/// <summary>
/// The presets analyzer in the Keel.Model package fails a build: a throwaway project with the same package reference
/// compiles a preset with a misspelt template variable, then the corrected one.
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
