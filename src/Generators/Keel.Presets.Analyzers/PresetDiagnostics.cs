using Microsoft.CodeAnalysis;

namespace Keel.Presets.Analyzers;

/// <summary>The diagnostics of the presets analyzer (KEEL1xx; the generator owns KEEL0xx).</summary>
internal static class PresetDiagnostics
{
    private const string Category = "Keel.Presets";

    public static readonly DiagnosticDescriptor TemplateDoesNotParse = new(
        "KEEL101",
        "Template does not parse",
        "Go template does not parse: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A string in a preset that contains {{ is a Go template; the operator would fail to render it for every ModelService.");

    public static readonly DiagnosticDescriptor UnknownVariable = new(
        "KEEL102",
        "Unknown template variable",
        "Unknown template variable '.{0}'{1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Templates see a fixed set of variables (ModelServiceName, HFModelName, InferencePoolName...); any other field is an execution error for every ModelService.");

    public static readonly DiagnosticDescriptor UnknownFunction = new(
        "KEEL103",
        "Unknown template function",
        "Unknown template function '{0}'{1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Templates may call Go's builtins, the hermetic sprig subset, required/toYaml and getPort; any other name fails to parse.");

    public static readonly DiagnosticDescriptor FieldOfString = new(
        "KEEL104",
        "Template variable has no fields",
        "'.{0}' is a string and has no field '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every template variable is a string; selecting a field of it is an execution error.");

    public static readonly DiagnosticDescriptor UndocumentedPort = new(
        "KEEL105",
        "Routing port not declared by the preset",
        "Preset '{0}' reads the routing port '{1}' with getPort but does not declare it: add [RequiresRoutingPort(\"{1}\")] to the preset",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A preset declares every routing port it reads, so ModelService authors know which spec.routing.ports to define and the samples can be checked.");

    public static readonly DiagnosticDescriptor PortMissingFromSamples = new(
        "KEEL106",
        "Required routing port not defined by a sample ModelService",
        "Preset '{0}' requires the routing port '{1}', but {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "getPort returns -1 for a routing port the ModelService does not define; the sample ModelServices show which ports a preset needs.");

    public static readonly DiagnosticDescriptor NoSamples = new(
        "KEEL107",
        "No sample ModelService to check routing ports against",
        "Preset '{0}' requires routing ports ({1}) but the project lists no sample ModelService: add <KeelSampleModelService Include=\"path/to/modelservice.yaml\" /> to the project",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableSample = new(
        "KEEL108",
        "Sample ModelService cannot be read",
        "Sample ModelService {0} cannot be read: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
