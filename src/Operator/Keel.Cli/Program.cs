using System.CommandLine;
using Keel.Cli;

var root = new RootCommand("modelservice: render, try and run the ModelService operator.");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
