using System.CommandLine;
using Keel.Cli;
using Keel.Cli.Commands;

var root = new RootCommand("modelservice: render, try and run the ModelService operator.");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);

// `run` needs longer than the default 2 s after SIGTERM to finish its reconciles and release its lease.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = RunCommand.ProcessTerminationTimeout(parse) }).ConfigureAwait(false);
