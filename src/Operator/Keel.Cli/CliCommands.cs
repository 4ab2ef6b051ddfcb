using System.CommandLine;

namespace Keel.Cli;

/// <summary>The subcommands of <c>modelservice</c>; each lives in its own file under Commands/.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.TemplateCommand.Create();
        yield return Commands.RenderCommand.Create();
        yield return Commands.MigrateCommand.Create();
        yield return Commands.RunCommand.Create();
        yield return Commands.RbacCommand.Create();
    }
}
