using System.Collections.Concurrent;
using System.Collections.Immutable;
using Keel.Presets.Analyzers.Checks;
using Keel.Presets.Analyzers.Samples;
using Keel.Presets.Analyzers.Source;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Keel.Presets.Analyzers;

/// <summary>
/// Checks presets written in C# (classes deriving from Keel.Model.Authoring.Preset, classes marked
/// [PresetComponent], arguments of [GoTemplate] parameters): every string holding <c>{{</c> is parsed with Keel.Model's
/// Go-template parser, its variables and functions are checked, and the routing ports it reads with getPort are
/// compared with the preset's [RequiresRoutingPort] declarations and with the sample ModelServices of the project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PresetAnalyzer : DiagnosticAnalyzer
{
    private static readonly OperationKind[] StringKinds = [OperationKind.Literal, OperationKind.Binary, OperationKind.InterpolatedString];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        PresetDiagnostics.TemplateDoesNotParse, PresetDiagnostics.UnknownVariable, PresetDiagnostics.UnknownFunction,
        PresetDiagnostics.FieldOfString, PresetDiagnostics.UndocumentedPort, PresetDiagnostics.PortMissingFromSamples,
        PresetDiagnostics.NoSamples, PresetDiagnostics.UnreadableSample,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = PresetSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var samples = SampleSet.Read(start.Options, start.CancellationToken);
            start.RegisterSymbolStartAction(symbolStart => OnType(symbolStart, symbols, samples), SymbolKind.NamedType);
            start.RegisterOperationAction(operation => CheckGoTemplateArguments(operation, symbols), OperationKind.Invocation);
            if (!samples.Errors.IsEmpty)
            {
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var (file, message) in samples.Errors)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(PresetDiagnostics.UnreadableSample, Location.None, file, message));
                    }
                });
            }
        });
    }

    private static void OnType(SymbolStartAnalysisContext context, PresetSymbols symbols, SampleSet samples)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var isPreset = symbols.IsPreset(type);
        if (!isPreset && !symbols.IsComponent(type))
        {
            return;
        }

        var ports = new ConcurrentQueue<(string Name, Location Location)>();
        var names = new ConcurrentQueue<string>();
        context.RegisterOperationAction(operation => CheckString(operation, symbols, ports), StringKinds);
        context.RegisterOperationAction(operation => CollectTemplatePort(operation, symbols, ports), OperationKind.Invocation);
        if (!isPreset)
        {
            return;
        }

        context.RegisterSyntaxNodeAction(node => CollectPresetName(node, names), Microsoft.CodeAnalysis.CSharp.SyntaxKind.PropertyDeclaration);
        context.RegisterSymbolEndAction(end =>
        {
            var name = names.TryPeek(out var declared) ? declared : type.Name;
            PortCheck.Run(end, type, name, symbols, samples, ports.ToArray());
        });
    }

    private static void CheckString(OperationAnalysisContext context, PresetSymbols symbols, ConcurrentQueue<(string, Location)>? ports)
    {
        if (TemplateString.From(context.Operation) is not { } template)
        {
            return;
        }

        var check = TemplateCheck.Run(template.Text, symbols.Variables);
        foreach (var finding in check.Findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, template.Locate(finding.Offset, finding.Length), finding.Arguments));
        }

        if (ports is not null)
        {
            foreach (var (name, offset) in check.Ports)
            {
                ports.Enqueue((name, template.Locate(offset, name.Length + 2)));
            }
        }
    }

    /// <summary><c>Template.Port("name")</c> reads a routing port too.</summary>
    private static void CollectTemplatePort(OperationAnalysisContext context, PresetSymbols symbols, ConcurrentQueue<(string, Location)> ports)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is { Name: "Port", IsStatic: true } method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Template)
            && invocation.Arguments is [{ Value.ConstantValue: { HasValue: true, Value: string name } } argument, ..])
        {
            ports.Enqueue((name, argument.Syntax.GetLocation()));
        }
    }

    /// <summary>Template text passed to a [GoTemplate] parameter from code that is not a preset (presets check every string).</summary>
    private static void CheckGoTemplateArguments(OperationAnalysisContext context, PresetSymbols symbols)
    {
        for (var type = context.ContainingSymbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (symbols.IsPreset(type) || symbols.IsComponent(type))
            {
                return;
            }
        }

        foreach (var argument in ((IInvocationOperation)context.Operation).Arguments)
        {
            if (argument.Parameter is { } parameter && symbols.IsGoTemplateParameter(parameter))
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (TemplateString.From(value) is { } template)
                {
                    foreach (var finding in TemplateCheck.Run(template.Text, symbols.Variables).Findings)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, template.Locate(finding.Offset, finding.Length), finding.Arguments));
                    }
                }
            }
        }
    }

    /// <summary>The preset's name from <c>public override string Name => "constant";</c> (or a getter returning one).</summary>
    private static void CollectPresetName(SyntaxNodeAnalysisContext context, ConcurrentQueue<string> names)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        if (property.Identifier.ValueText != "Name")
        {
            return;
        }

        var expression = property.ExpressionBody?.Expression
            ?? property.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get")?.ExpressionBody?.Expression
            ?? (property.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get")?.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null);
        if (expression is not null && context.SemanticModel.GetConstantValue(expression, context.CancellationToken) is { HasValue: true, Value: string name })
        {
            names.Enqueue(name);
        }
    }
}
