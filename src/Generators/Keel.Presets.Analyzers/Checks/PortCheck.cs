using Keel.Presets.Analyzers.Samples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Keel.Presets.Analyzers.Checks;

/// <summary>
/// Routing ports of one preset: every port read with getPort is declared with [RequiresRoutingPort], and every
/// declared port is defined by the sample ModelServices: by each sample that references the preset by name, or,
/// when none does, by at least one sample.
/// </summary>
internal static class PortCheck
{
    public static void Run(
        SymbolAnalysisContext context,
        INamedTypeSymbol preset,
        string presetName,
        PresetSymbols symbols,
        SampleSet samples,
        IReadOnlyList<(string Name, Location Location)> used)
    {
        var required = symbols.RequiredPorts(preset).ToList();
        var declared = new HashSet<string>(required.Select(a => (string)a.ConstructorArguments[0].Value!), StringComparer.Ordinal);
        foreach (var group in used.GroupBy(u => u.Name, StringComparer.Ordinal))
        {
            if (!declared.Contains(group.Key))
            {
                foreach (var (name, location) in group)
                {
                    context.ReportDiagnostic(Diagnostic.Create(PresetDiagnostics.UndocumentedPort, location, presetName, name));
                }
            }
        }

        if (required.Count == 0)
        {
            return;
        }

        if (samples.Files.IsEmpty)
        {
            var location = Locate(required[0], preset);
            context.ReportDiagnostic(Diagnostic.Create(PresetDiagnostics.NoSamples, location, presetName, string.Join(", ", declared.OrderBy(p => p, StringComparer.Ordinal))));
            return;
        }

        var referencing = samples.ModelServices.Where(s => s.PresetName == presetName).ToList();
        foreach (var attribute in required)
        {
            var port = (string)attribute.ConstructorArguments[0].Value!;
            if (referencing.Count > 0)
            {
                foreach (var sample in referencing.Where(s => !s.Ports.Contains(port)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresetDiagnostics.PortMissingFromSamples,
                        Locate(attribute, preset),
                        presetName,
                        port,
                        $"the sample ModelService '{sample.Name}' ({sample.File}) references it and does not define it under spec.routing.ports"));
                }
            }
            else if (!samples.ModelServices.Any(s => s.Ports.Contains(port)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    PresetDiagnostics.PortMissingFromSamples,
                    Locate(attribute, preset),
                    presetName,
                    port,
                    $"no sample ModelService defines it under spec.routing.ports (samples: {string.Join(", ", samples.Files)})"));
            }
        }
    }

    private static Location Locate(AttributeData attribute, INamedTypeSymbol preset) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? preset.Locations.FirstOrDefault() ?? Location.None;
}
