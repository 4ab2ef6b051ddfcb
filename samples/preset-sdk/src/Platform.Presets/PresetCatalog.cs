using Keel.Model.Authoring;

namespace Platform.Presets;

/// <summary>Every preset this project publishes.</summary>
public static class PresetCatalog
{
    public static IReadOnlyList<Preset> All { get; } = [new SingleNodePreset(), new PdNixlPreset()];
}
