using System.CommandLine;
using Keel.Cli.Commands;

namespace Keel.Operator.Tests.Install;

/// <summary><c>modelservice rbac</c> in process.</summary>
internal static class RbacCommandRun
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new RootCommand { RbacCommand.Create() }.Parse(["rbac", .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return code == 0 ? output.ToString() : throw new InvalidOperationException($"modelservice rbac failed ({code}): {error}");
    }
}
