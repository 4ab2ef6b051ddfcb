using System.CommandLine;
using Keel.CrdImport;
using Keel.CrdImport.Import;
using Keel.CrdImport.Reference;
using Keel.Model.Serialization;

// build/import-crds.sh runs this tool; see docs/developer-guide/import.md.
var check = new Option<bool>("--check") { Description = "Compare with the files on disk instead of writing; exit 1 on any difference." };
var root = new Option<string>("--root") { Description = "The repository root (paths are relative to it).", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };

var manifest = new Option<string>("--manifest") { Description = "The import list (src/Crds/upstream/imports.yaml).", Required = true };
var import = new Command("import", "Generate C# types from the schemas an import list names.") { manifest, check, root };
import.SetAction((result, _) => Run(() => Importer.RunAsync(Path.GetFullPath(result.GetValue(manifest)!), Path.GetFullPath(result.GetValue(root)!), result.GetValue(check), Console.Out)));

var schema = new Option<string>("--schema") { Description = "A CRD YAML file or a standalone OpenAPI schema (with a title).", Required = true };
var version = new Option<string?>("--version") { Description = "The CRD version to import (default: every version)." };
var @namespace = new Option<string>("--namespace") { Description = "The C# namespace of the generated types.", Required = true };
var output = new Option<string>("--output") { Description = "The folder the .g.cs files go to.", Required = true };
var single = new Command("import-schema", "Generate C# types from one CRD or schema file (your own CRDs).") { schema, version, @namespace, output, check, root };
single.SetAction((result, _) => Run(() => SingleImport.RunAsync(
    Path.GetFullPath(result.GetValue(schema)!), result.GetValue(version), result.GetValue(@namespace)!,
    Path.GetFullPath(result.GetValue(output)!), Path.GetFullPath(result.GetValue(root)!), result.GetValue(check), Console.Out)));

var crds = new Option<string[]>("--crd") { Description = "CRD YAML files to document, in order.", Required = true, AllowMultipleArgumentsPerToken = true };
var markdown = new Option<string>("--output") { Description = "The Markdown file to write.", Required = true };
var links = new Option<string[]>("--link") { Description = "Document a field as a link: .path.suffix|Label|url (repeatable).", AllowMultipleArgumentsPerToken = true };
var reference = new Command("api-reference", "Write the API reference (Markdown) from CRD YAML.") { crds, links, markdown, check, root };
reference.SetAction((result, _) => Run(() => ApiReference.RunAsync(
    result.GetValue(crds)!.Select(Path.GetFullPath).ToList(), (result.GetValue(links) ?? []).Select(TypeLink.Parse).ToList(), Path.GetFullPath(result.GetValue(markdown)!),
    Path.GetFullPath(result.GetValue(root)!), result.GetValue(check), Console.Out)));

var command = new RootCommand("Keel CRD import and API reference tool.") { import, single, reference };
return await command.Parse(args).InvokeAsync().ConfigureAwait(false);

static async Task<int> Run(Func<Task<int>> action)
{
    try
    {
        var drift = await action().ConfigureAwait(false);
        if (drift > 0)
        {
            Console.Error.WriteLine($"{drift} generated file(s) out of date: run build/import-crds.sh and commit the result.");
            return 1;
        }

        return 0;
    }
    catch (Exception e) when (e is ImportException or KeelSerializationException or IOException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
}
