using System.CommandLine;
using System.Diagnostics;
using Keel.Cli.Commands;

namespace Keel.Cli.Tests;

/// <summary>`modelservice template`: in-process with captured streams, and once as the real program.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private const string Manifest = """
        apiVersion: llm-d.ai/v1alpha1
        kind: ModelService
        metadata:
          name: my-llama
          namespace: team-a
        spec:
          routing:
            modelName: meta-llama/Llama-3.2-3B-Instruct
            ports:
            - name: app_port
              port: 8000
          modelArtifacts:
            uri: hf://meta-llama/Llama-3.2-3B-Instruct
            authSecretName: hf-token
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("keel-template-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string ManifestFile(string content = Manifest)
    {
        var path = Path.Combine(directory, "ms.yaml");
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Run(string stdin, params string[] args)
    {
        var root = new RootCommand { TemplateCommand.Create(new StringReader(stdin)) };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await root.Parse(["template", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Renders_stdin_with_the_ModelService_variables_byte_for_byte()
    {
        var (exit, stdout, stderr) = await Run(
            "name: {{ .DecodeDeploymentName }}\nport: {{ \"app_port\" | getPort }}\nmodel: {{ .SanitizedModelName }}",
            "--modelservice", ManifestFile());
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal("name: my-llama-decode\nport: 8000\nmodel: meta-llama-llama-3-2-3b-instruct", stdout); // no newline added
    }

    [Fact]
    public async Task Text_option_replaces_stdin()
    {
        var (exit, stdout, _) = await Run("ignored", "-m", ManifestFile(), "--text", "{{ .ModelServiceNamespace }}/{{ .HFModelName }}\n");
        Assert.Equal(0, exit);
        Assert.Equal("team-a/meta-llama/Llama-3.2-3B-Instruct\n", stdout);
    }

    [Fact]
    public async Task Template_errors_go_to_stderr_with_exit_code_1()
    {
        var (exit, stdout, stderr) = await Run("a: {{ .Nope }}", "-m", ManifestFile());
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("template stdin:1:7: executing \"{{ .Nope }}\": can't evaluate field Nope in type variables" + Environment.NewLine, stderr);

        (exit, _, stderr) = await Run(string.Empty, "-m", ManifestFile(), "--text", "{{ env \"HOME\" }}");
        Assert.Equal(1, exit);
        Assert.Contains("function \"env\" not defined", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_manifests_are_reported_not_thrown()
    {
        var (exit, _, stderr) = await Run("x", "-m", Path.Combine(directory, "missing.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("x", "-m", ManifestFile("metadata: [unclosed"));
        Assert.Equal(1, exit);
        Assert.Contains("invalid YAML", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("x", "-m", ManifestFile("kind: ModelService\nmetadata:\n  name: x\n"));
        Assert.Equal(1, exit);
        Assert.Contains("spec.modelArtifacts.uri is required", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_as_the_built_modelservice_program()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "modelservice.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "template", "--modelservice", ManifestFile() },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("{{ .EPPServiceName }} {{ getPort \"nope\" }}");
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("my-llama-epp-service -1", stdout);
    }
}
