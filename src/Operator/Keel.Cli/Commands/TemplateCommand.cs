using System.CommandLine;
using Keel.Model.Templating;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice template --modelservice FILE [--text T]</c>: renders a template (stdin, or --text)
/// with the variables of a ModelService and writes the result to stdout byte for byte. Errors go
/// to stderr, one line each, with exit code 1. Preset authors use it to debug presets.
/// </summary>
public static class TemplateCommand
{
    public static Command Create(TextReader? stdin = null)
    {
        var modelService = new Option<FileInfo>("--modelservice", "-m")
        {
            Description = "The ModelService manifest whose template variables to use.",
            Required = true,
        };
        var text = new Option<string?>("--text", "-t")
        {
            Description = "The template text; read from standard input when absent.",
        };
        var command = new Command("template", "Render a Go template with the variables of a ModelService.")
        {
            modelService,
            text,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(modelService)!;
            if (!ModelServiceTemplateInputs.TryLoad(file.FullName, out var variables, out var loadError))
            {
                error.WriteLine("modelservice template: " + loadError);
                return Task.FromResult(1);
            }

            var source = parseResult.GetValue(text) ?? (stdin ?? Console.In).ReadToEnd();
            var parsed = GoTemplate.Parse(parseResult.GetValue(text) is null ? "stdin" : "--text", source);
            if (!parsed.TryGetValue(out var template, out var parseError))
            {
                error.WriteLine(parseError.ToString());
                return Task.FromResult(1);
            }

            var rendered = template.Execute(variables!);
            if (!rendered.TryGetValue(out var result, out var renderError))
            {
                error.WriteLine(renderError.ToString());
                return Task.FromResult(1);
            }

            cancellationToken.ThrowIfCancellationRequested();
            output.Write(result);
            output.Flush();
            return Task.FromResult(0);
        });
        return command;
    }
}
