using System.Collections.Immutable;

namespace Keel.Presets.Analyzers.Samples;

/// <summary>What the analyzer needs of one sample ModelService: its name, the preset it references and its routing ports.</summary>
internal sealed record SampleModelService(string File, string Name, string? PresetName, ImmutableArray<string> Ports);
