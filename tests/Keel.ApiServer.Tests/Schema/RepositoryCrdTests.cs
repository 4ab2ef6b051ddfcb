using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keel.ApiServer.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>
/// The project's own CRDs (src/Crds) pass the server's CRD validation, and every sample manifest (samples/) is
/// admitted by them in strict mode: what `kubectl apply --server-side` of the CRDs and samples will meet.
/// </summary>
public sealed partial class RepositoryCrdTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> CrdFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src", "Crds"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Documents(file).Any(IsCrd))
            {
                data.Add(Path.GetRelativePath(Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Project_crds_pass_crd_validation(string file)
    {
        foreach (var crd in Documents(Path.Combine(Root, file)).Where(IsCrd))
        {
            CustomResourceDefinitionDefaults.Apply(crd);

            var errors = CustomResourceDefinitionValidation.Validate(crd);

            Assert.True(errors.Count == 0, file + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public void Samples_are_admitted_strictly_by_the_project_crds()
    {
        var admissions = new Dictionary<string, CustomResourceAdmission>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src", "Crds"), "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var crd in Documents(file).Where(IsCrd))
            {
                foreach (var version in crd["spec"]!["versions"]!.AsArray())
                {
                    var schema = StructuralSchema.Parse(version!["schema"]!["openAPIV3Schema"]!.AsObject());
                    admissions[$"{crd["spec"]!["group"]}/{version["name"]}/{crd["spec"]!["names"]!["kind"]}"] = new CustomResourceAdmission(schema);
                }
            }
        }

        var admitted = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "samples"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var obj in Documents(file))
            {
                if (!admissions.TryGetValue($"{obj["apiVersion"]}/{obj["kind"]}", out var admission))
                {
                    continue;
                }

                var result = admission.Admit(obj, null, FieldValidationMode.Strict);
                Assert.True(result.IsValid, file + ": " + result.StrictDecodingError + "\n" + string.Join("\n", result.Errors));
                admitted++;
            }
        }

        Assert.True(admitted >= 5, $"only {admitted} sample custom resources found");
    }

    private static bool IsCrd(JsonObject document) => document["kind"]?.GetValue<string>() == "CustomResourceDefinition";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>YAML documents as JSON with YAML 1.2 core-schema scalars (plain true/false/null/numbers typed, quoted strings kept).</summary>
    private static List<JsonObject> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>().ToList();
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(text);
                }

                return text switch
                {
                    "" or "null" or "~" or "Null" or "NULL" => null,
                    "true" or "True" or "TRUE" => JsonValue.Create(true),
                    "false" or "False" or "FALSE" => JsonValue.Create(false),
                    _ when Number().IsMatch(text) => JsonNode.Parse(text.TrimStart('+')),
                    _ => JsonValue.Create(text),
                };
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();
}
