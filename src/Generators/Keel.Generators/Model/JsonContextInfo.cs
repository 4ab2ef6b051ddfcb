namespace Keel.Generators.Model;

/// <summary>A JSON source-generation context that writes enums as strings, with the metadata names of the types it lists.</summary>
internal sealed record JsonContextInfo(EquatableArray<string> Serializable);
