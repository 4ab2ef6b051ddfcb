using System.Diagnostics;
using static Keel.Cli.Tests.Render.RenderCommandRunner;

namespace Keel.Cli.Tests.Render;

/// <summary>Bad or missing input: one clear line on stderr, nothing on stdout, exit code 1; never a crash.</summary>
public sealed class RenderCommandErrorTests : IDisposable
{
    private const string ModelService = """
        apiVersion: llm-d.ai/v1alpha1
        kind: ModelService
        metadata:
          name: opt
          namespace: team
        spec:
          baseConfigMapRef:
            name: preset
          routing:
            modelName: facebook/opt-125m
            ports: [{name: http, port: 8000}]
          modelArtifacts:
            uri: hf://facebook/opt-125m
          decode:
            containers: [{name: vllm, image: vllm/vllm-openai:v0.11.2}]
        """;

    private const string Preset = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: preset
        data:
          decodeService: |
            spec:
              ports: [{name: http, port: {{ "http" | getPort }}}]
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("keel-render-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static async Task<string> OneLineError(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line, got:\n" + stderr);
        Assert.StartsWith("modelservice render: ", lines[0], StringComparison.Ordinal);
        return lines[0];
    }

    [Fact]
    public async Task A_valid_pair_renders()
    {
        var (exit, stdout, stderr) = await Run("-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", Preset));
        Assert.True(exit == 0, stderr);
        Assert.Contains("name: opt-service-decode", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file() =>
        Assert.Contains("cannot read", await OneLineError("-m", Path.Combine(directory, "nope.yaml")), StringComparison.Ordinal);

    [Fact]
    public async Task An_empty_file() =>
        Assert.Contains("is empty", await OneLineError("-m", File("ms.yaml", "  \n")), StringComparison.Ordinal);

    [Fact]
    public async Task A_file_that_is_not_yaml() =>
        Assert.Matches(@"ms\.yaml:\d+:\d+: invalid YAML", await OneLineError("-m", File("ms.yaml", "metadata: [unclosed\n  x: {")));

    [Fact]
    public async Task A_file_with_two_documents() =>
        Assert.Contains("expected one object, found 2 YAML documents", await OneLineError("-m", File("ms.yaml", ModelService + "\n---\n" + ModelService)), StringComparison.Ordinal);

    [Fact]
    public async Task A_file_that_is_not_a_modelservice() =>
        Assert.Contains("kind is ConfigMap, expected ModelService", await OneLineError("-m", File("ms.yaml", Preset)), StringComparison.Ordinal);

    [Fact]
    public async Task A_configmap_with_no_data() =>
        Assert.Contains("the ConfigMap has no data", await OneLineError("-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: preset}\n")), StringComparison.Ordinal);

    [Fact]
    public async Task A_preset_of_another_kind() =>
        Assert.Contains("kind is Secret, expected ConfigMap or BaseConfig", await OneLineError("-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: preset}\n")), StringComparison.Ordinal);

    [Fact]
    public async Task An_unknown_uri_scheme_is_rejected_as_the_api_server_would() =>
        Assert.Contains("spec.modelArtifacts.uri: Invalid value", await OneLineError("-m", File("ms.yaml", ModelService.Replace("hf://facebook/opt-125m", "s3://bucket/opt", StringComparison.Ordinal)), "-b", File("preset.yaml", Preset)), StringComparison.Ordinal);

    [Fact]
    public async Task A_template_error_names_the_key_line_and_column() =>
        Assert.Equal(
            "modelservice render: preset ConfigMap team/preset: template decodeService:2:33: executing \"{{ .Nope }}\": can't evaluate field Nope in type variables",
            await OneLineError("-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", Preset.Replace("{{ \"http\" | getPort }}", "{{ .Nope }}", StringComparison.Ordinal))));

    [Fact]
    public async Task A_referenced_preset_that_is_not_given() =>
        Assert.Contains("references ConfigMap team/preset: pass it with --base-config FILE", await OneLineError("-m", File("ms.yaml", ModelService)), StringComparison.Ordinal);

    [Fact]
    public async Task A_namespace_that_contradicts_the_file() =>
        Assert.Contains("does not match --namespace other", await OneLineError("-m", File("ms.yaml", ModelService), "-n", "other"), StringComparison.Ordinal);

    [Fact]
    public async Task An_unknown_pool_api() =>
        Assert.Contains("--pool-api v2 is not supported", await OneLineError("-m", File("ms.yaml", ModelService), "--pool-api", "v2"), StringComparison.Ordinal);

    [Fact]
    public async Task An_invalid_baseconfig_is_rejected_by_its_crd()
    {
        var baseConfig = "apiVersion: llm-d.ai/v1alpha1\nkind: BaseConfig\nmetadata: {name: preset}\nspec:\n  decodeService: {spec: {}}\n  templates: {decodeService: 'spec: {}'}\n";
        Assert.Contains("decodeService is given both as a typed part and under templates", await OneLineError("-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", baseConfig)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preset_namespace_the_trust_rule_refuses()
    {
        var preset = Preset.Replace("  name: preset\n", "  name: preset\n  namespace: platform\n", StringComparison.Ordinal);
        var ms = ModelService.Replace("    name: preset\n", "    name: preset\n    namespace: platform\n", StringComparison.Ordinal);
        Assert.Contains("may not use ConfigMap platform/preset", await OneLineError("-m", File("ms.yaml", ms), "-b", File("preset.yaml", preset), "--preset-namespaces", "ops"), StringComparison.Ordinal);
        var (exit, _, stderr) = await Run("-m", File("ms.yaml", ms), "-b", File("preset.yaml", preset), "--preset-namespaces", "ops,platform");
        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public async Task Runs_as_the_built_modelservice_program()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "modelservice.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "render", "-m", File("ms.yaml", ModelService), "-b", File("preset.yaml", Preset) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.StartsWith("apiVersion: v1\nkind: ServiceAccount\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\n---\napiVersion: apps/v1\nkind: Deployment\n", stdout, StringComparison.Ordinal);
        Assert.Contains("warning: ", stderr, StringComparison.Ordinal); // the deprecated ConfigMap preset
    }
}
