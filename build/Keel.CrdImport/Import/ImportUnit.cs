using System.Text.Json.Nodes;

namespace Keel.CrdImport.Import;

/// <summary>One schema to import: a version of a CRD (a kind) or a standalone OpenAPI schema (a plain type).</summary>
/// <param name="SourcePath">The schema file, relative to the repository root (named in the generated header).</param>
/// <param name="RootTypeName">The C# name of the root type (the kind, or the schema's title).</param>
/// <param name="Schema">The root schema (openAPIV3Schema of the version, or the file's schema).</param>
/// <param name="Resource">Identity of the kind, or null for a standalone schema.</param>
/// <param name="GroupVersionKind">apiVersion and kind of a standalone schema's documents, when it declares them.</param>
internal sealed record ImportUnit(
    string SourcePath,
    string RootTypeName,
    JsonObject Schema,
    ResourceIdentity? Resource,
    (string ApiVersion, string Kind)? GroupVersionKind);

/// <summary>What a CRD says about the kind itself (names, scope, subresources, printer columns).</summary>
internal sealed record ResourceIdentity(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string? Singular,
    string? ListKind,
    bool ClusterScoped,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    bool StatusSubresource,
    JsonObject? Scale,
    JsonArray? PrinterColumns,
    bool StorageOfSeveral)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
