using Microsoft.CodeAnalysis;

namespace Keel.Presets.Analyzers.Checks;

/// <summary>A problem found in one template text: where (offset and length in the text) and what to report.</summary>
internal sealed record TemplateFinding(DiagnosticDescriptor Descriptor, int Offset, int Length, object[] Arguments);
