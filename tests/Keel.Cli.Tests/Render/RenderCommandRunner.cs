using System.CommandLine;
using Keel.Cli.Commands;

namespace Keel.Cli.Tests.Render;

/// <summary>Runs <c>modelservice render</c> in-process with captured streams.</summary>
internal static class RenderCommandRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        var root = new RootCommand { RenderCommand.Create() };
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await root.Parse(["render", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
