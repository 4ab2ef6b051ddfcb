using System.Diagnostics;
using System.Text.Json.Nodes;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;

namespace Keel.Generators.Tests.Import;

/// <summary>
/// The SDK feature of docs/developer-guide/import.md, end to end: a user's CRD goes through
/// <c>Keel.CrdImport import-schema</c>, the generated C# goes through the Keel generator, and the CRD the generator
/// emits carries the same topology, validations and defaults as the CRD the user started from.
/// </summary>
public sealed class UserCrdImportTests
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.acme.example.com
        spec:
          group: acme.example.com
          names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget, shortNames: [wdg]}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              subresources: {status: {}}
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    apiVersion: {type: string}
                    kind: {type: string}
                    metadata: {type: object}
                    spec:
                      type: object
                      required: [image]
                      x-kubernetes-validations:
                        - rule: "!has(self.replicas) || self.replicas <= 10"
                          message: at most 10 replicas
                      properties:
                        image: {type: string, minLength: 1}
                        replicas: {type: integer, format: int32, minimum: 0, default: 1}
                        mode: {type: string, enum: [Fast, Careful], default: Fast}
                        size: {x-kubernetes-int-or-string: true}
                        ports:
                          type: array
                          maxItems: 16
                          x-kubernetes-list-type: map
                          x-kubernetes-list-map-keys: [port, protocol]
                          items:
                            type: object
                            required: [port]
                            properties:
                              port: {type: integer, format: int32, minimum: 1, maximum: 65535}
                              protocol: {type: string, default: TCP}
                              name: {type: string}
                        tags:
                          type: array
                          x-kubernetes-list-type: set
                          items: {type: string}
                        args:
                          type: array
                          x-kubernetes-list-type: atomic
                          items: {type: string}
                        labels:
                          type: object
                          x-kubernetes-map-type: atomic
                          additionalProperties: {type: string}
                        selector:
                          type: object
                          x-kubernetes-map-type: atomic
                          properties:
                            app: {type: string}
                        config:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
                    status:
                      type: object
                      properties:
                        readyReplicas: {type: integer, format: int32}
        """;

    [Fact]
    public void An_imported_user_CRD_gets_the_same_schema_topology_and_merge_code_back()
    {
        var sources = Import(WidgetCrd, "Acme.Widgets.V1");
        var result = GeneratorHarness.Run([.. sources.Values]);
        result.AssertCompilesCleanly();

        var emitted = JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_widgets_acme_example_com"))!;
        var defaulted = (JsonObject)emitted.DeepClone();
        Keel.ApiServer.Schema.CustomResourceDefinitionDefaults.Apply(defaulted);
        var errors = Keel.ApiServer.Schema.CustomResourceDefinitionValidation.Validate(defaulted);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("widgets.acme.example.com", emitted["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(["wdg"], emitted["spec"]!["names"]!["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        var version = emitted["spec"]!["versions"]![0]!;
        Assert.NotNull(version["subresources"]?["status"]);

        var spec = version["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;
        var properties = spec["properties"]!;

        // List and map topology comes back as written, so the imported type merges like the original CRD.
        Assert.Equal("map", properties["ports"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["port", "protocol"], properties["ports"]!["x-kubernetes-list-map-keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal("set", properties["tags"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("atomic", properties["args"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("atomic", properties["labels"]!["x-kubernetes-map-type"]!.GetValue<string>());
        Assert.Equal("atomic", properties["selector"]!["x-kubernetes-map-type"]!.GetValue<string>());

        // Validations, defaults and kinds of value.
        Assert.Equal(1, properties["image"]!["minLength"]!.GetValue<int>());
        Assert.Equal(0, properties["replicas"]!["minimum"]!.GetValue<double>());
        Assert.Equal(1, properties["replicas"]!["default"]!.GetValue<int>());
        Assert.Equal("Fast", properties["mode"]!["default"]!.GetValue<string>());
        Assert.Equal(["Fast", "Careful"], properties["mode"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(65535, properties["ports"]!["items"]!["properties"]!["port"]!["maximum"]!.GetValue<double>());
        Assert.Equal("TCP", properties["ports"]!["items"]!["properties"]!["protocol"]!["default"]!.GetValue<string>());
        Assert.Equal(16, properties["ports"]!["maxItems"]!.GetValue<int>());
        Assert.True(properties["size"]!["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.True(properties["config"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Contains(spec["x-kubernetes-validations"]!.AsArray(), r =>
            r!["rule"]!.GetValue<string>() == "!has(self.replicas) || self.replicas <= 10" && r["message"]!.GetValue<string>() == "at most 10 replicas");
        Assert.Contains("image", spec["required"]!.AsArray().Select(r => r!.GetValue<string>()).Concat(RequiredByRule(spec)));

        // Typed merge code exists for the kind and every type it reaches.
        Assert.Contains(result.Sources.Keys, k => k.StartsWith("ObjectMerger.Acme.Widgets.V1.Widget.", StringComparison.Ordinal));
        Assert.Contains(result.Sources.Keys, k => k.StartsWith("ObjectMerger.Acme.Widgets.V1.WidgetSpec.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_mode_reports_drift_and_accepts_what_it_wrote()
    {
        using var directory = new TempDirectory();
        var schema = directory.Write("widgets.acme.example.com.yaml", WidgetCrd);
        var output = directory.PathOf("out");
        string[] arguments = ["import-schema", "--schema", schema, "--version", "v1", "--namespace", "Acme.Widgets.V1", "--output", output, "--root", directory.Root];

        Assert.Equal(1, RunTool([.. arguments, "--check"]).ExitCode); // nothing written yet
        Assert.Equal(0, RunTool(arguments).ExitCode);
        Assert.Equal(0, RunTool([.. arguments, "--check"]).ExitCode);

        File.AppendAllText(Directory.GetFiles(output, "Widget.g.cs").Single(), "// edited by hand\n");
        Assert.Equal(1, RunTool([.. arguments, "--check"]).ExitCode);
    }

    [Fact]
    public void A_schema_error_names_the_file()
    {
        using var directory = new TempDirectory();
        var schema = directory.Write("broken.yaml", WidgetCrd.Replace("  versions:", "  versions: [", StringComparison.Ordinal));
        var run = RunTool("import-schema", "--schema", schema, "--namespace", "Acme", "--output", directory.PathOf("out"), "--root", directory.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.yaml", run.Error, StringComparison.Ordinal);
    }

    // The importer turns required fields other than map-list keys into has() rules (see import.md).
    private static IEnumerable<string> RequiredByRule(JsonNode spec) =>
        (spec["x-kubernetes-validations"]?.AsArray() ?? [])
            .Select(r => r!["rule"]!.GetValue<string>())
            .Where(r => r.StartsWith("has(self.", StringComparison.Ordinal) && r.EndsWith(')'))
            .Select(r => r["has(self.".Length..^1]);

    /// <summary>Imports a CRD with the tool and returns the generated sources (without the System.Text.Json context,
    /// which needs the STJ generator this harness does not run).</summary>
    private static Dictionary<string, string> Import(string crd, string @namespace)
    {
        using var directory = new TempDirectory();
        var schema = directory.Write("crd.yaml", crd);
        var output = directory.PathOf("out");
        var run = RunTool("import-schema", "--schema", schema, "--namespace", @namespace, "--output", output, "--root", directory.Root);
        Assert.True(run.ExitCode == 0, run.Error);
        return Directory.GetFiles(output, "*.g.cs")
            .Where(f => !f.EndsWith("JsonContext.g.cs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
    }

    private static (int ExitCode, string Error) RunTool(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ToolPath.Value);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    // The tool is built with this project (a ProjectReference without its assembly), in the same configuration.
    private static readonly Lazy<string> ToolPath = new(() =>
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
            {
                var path = Path.Combine(directory.FullName, "build", "Keel.CrdImport", "bin", configuration, framework, "Keel.CrdImport.dll");
                Assert.True(File.Exists(path), path + " is missing: build tests/Keel.Generators.Tests, which builds the tool");
                return path;
            }
        }

        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A scratch folder for one test, deleted afterwards.</summary>
    private sealed class TempDirectory : IDisposable
    {
        private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("keel-import-");

        public string Root => directory.FullName;

        public string PathOf(string name) => Path.Combine(directory.FullName, name);

        public string Write(string name, string text)
        {
            var path = PathOf(name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => directory.Delete(recursive: true);
    }
}
