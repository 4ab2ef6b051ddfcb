namespace Keel.Model.Authoring.Export;

/// <summary>A preset that cannot be exported as asked; the message names the preset, the part and the field.</summary>
public sealed class PresetExportException(string message) : Exception(message);
