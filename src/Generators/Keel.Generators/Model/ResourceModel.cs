namespace Keel.Generators.Model;

/// <summary>A printer column as declared.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string? Description, string? Format, int Priority, LocationInfo? Location);

/// <summary>One custom resource version, from a [CustomResource] class.</summary>
internal sealed record ResourceModel(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    string ListKind,
    bool Namespaced,
    EquatableArray<string> ShortNames,
    EquatableArray<string> Categories,
    bool Storage,
    bool Served,
    bool Deprecated,
    string? DeprecationWarning,
    bool StatusSubresource,
    string? ScaleSpecReplicasPath,
    string? ScaleStatusReplicasPath,
    string? ScaleLabelSelectorPath,
    EquatableArray<PrinterColumn> PrinterColumns,
    string RootKey,
    string RootTypeName,
    string RootNamespace,
    string RootName,
    bool IsPartial,
    bool EmitKubeConstants,
    LocationInfo? Location);

/// <summary>The result of parsing one [CustomResource] class: the resource, every type it reaches, problems found.</summary>
internal sealed record ResourceParse(ResourceModel Resource, EquatableArray<TypeShape> Types, EquatableArray<DiagnosticInfo> Diagnostics);
