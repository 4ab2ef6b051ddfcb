using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Model.Serialization;

namespace Keel.ApiServer.Tests.CrdAdmission;

/// <summary>Keel's generated CRDs (the checked-in YAML under src/Crds) parsed as the local API server parses them.</summary>
internal static class OurCrds
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<StructuralSchema> ModelServiceSchema = new(() => Load("modelservices.llm-d.ai"));
    private static readonly Lazy<StructuralSchema> BaseConfigSchema = new(() => Load("baseconfigs.llm-d.ai"));

    public static StructuralSchema ModelService => ModelServiceSchema.Value;

    public static StructuralSchema BaseConfig => BaseConfigSchema.Value;

    public static JsonObject Crd(string name) =>
        (JsonObject)KeelYaml.ParseSingle(File.ReadAllText(Path.Combine(Root, "src", "Crds", name + ".yaml")), name).Root!;

    public static JsonObject OpenApiSchema(JsonObject crd) =>
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>A manifest from the repository (path relative to the root), as JSON.</summary>
    public static JsonObject Manifest(string relativePath) =>
        (JsonObject)KeelYaml.ParseSingle(File.ReadAllText(Path.Combine(Root, relativePath)), relativePath).Root!;

    public static JsonObject Yaml(string yaml) => (JsonObject)KeelYaml.ParseSingle(yaml).Root!;

    public static AdmissionResult Admit(StructuralSchema schema, JsonObject obj, JsonObject? old = null) =>
        new CustomResourceAdmission(schema).Admit(obj, old, FieldValidationMode.Strict);

    /// <summary>Errors as the API server prints them in a 422 Status (<c>field: message</c>).</summary>
    public static string[] Messages(AdmissionResult result) =>
        [.. result.Errors.Select(e => e.ToString()), .. result.StrictDecodingError is { } strict ? [strict] : Array.Empty<string>()];

    /// <summary>Rules whose expression, message expression or field path did not compile, with the reason.</summary>
    public static IReadOnlyList<string> RuleErrors(StructuralSchema schema) =>
        schema.Rules?.AllRules()
            .SelectMany(r => new[] { r.Error, r.MessageExpressionError, r.FieldPathError }.OfType<string>().Select(e => $"{r.Spec.Rule}: {e}"))
            .ToList() ?? [];

    private static StructuralSchema Load(string name) => StructuralSchema.Parse(OpenApiSchema(Crd(name)));

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
}
