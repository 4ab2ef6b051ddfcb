using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Model.Topology;

namespace Keel.Cli.Commands;

/// <summary>
/// Admits a manifest against Keel's generated CRD as the API server would, with the local API server's schema engine:
/// unknown fields pruned, CRD defaults applied (replicas 1 when a role section is present, gatewayRef group and kind),
/// then the schema and CEL validations. So a file renders exactly as the object the operator would read.
/// </summary>
internal static class CrdAdmission
{
    private static readonly Lazy<CustomResourceAdmission> ModelServiceAdmission = new(() => Load("modelservices.llm-d.ai"));
    private static readonly Lazy<CustomResourceAdmission> BaseConfigAdmission = new(() => Load("baseconfigs.llm-d.ai"));

    public static CustomResourceAdmission ModelService => ModelServiceAdmission.Value;

    public static CustomResourceAdmission BaseConfig => BaseConfigAdmission.Value;

    /// <summary>Prunes, defaults and validates <paramref name="manifest"/> in place; false with one line when it is invalid.</summary>
    public static bool TryAdmit(CustomResourceAdmission admission, JsonObject manifest, string path, ICollection<string> warnings, out string error)
    {
        var result = admission.Admit(manifest, oldObj: null, FieldValidationMode.Warn);
        foreach (var warning in result.Warnings)
        {
            warnings.Add($"{path}: {warning}");
        }

        if (result.IsValid)
        {
            error = string.Empty;
            return true;
        }

        error = $"{path}: " + string.Join("; ", result.Errors.Select(e => e.ToString()));
        return false;
    }

    private static CustomResourceAdmission Load(string name)
    {
        var crd = CrdCatalog.Find(name) ?? throw new InvalidOperationException($"the CRD {name} is not generated");
        var root = JsonNode.Parse(crd.Json)!.AsObject();
        var schema = root["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        return new CustomResourceAdmission(StructuralSchema.Parse(schema));
    }
}
