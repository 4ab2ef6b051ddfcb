namespace Keel.Generators.Model;

/// <summary>A CEL rule as written (x-kubernetes-validations entry).</summary>
internal sealed record CelRule(
    string Rule,
    string? Message,
    string? MessageExpression,
    string? Reason,
    string? FieldPath,
    bool OptionalOldSelf,
    LocationInfo? Location);

/// <summary>A one-of sugar rule on a class (ExactlyOneOf, AtMostOneOf, AtLeastOneOf).</summary>
internal sealed record OneOfSugar(string Comparison, EquatableArray<string> JsonNames, string? Message, LocationInfo? Location);

/// <summary>
/// Everything the attributes on a property say (topology, merge rule, validation, CEL), as data.
/// Null means "not stated".
/// </summary>
internal sealed record PropertyAnnotations
{
    public int? ListType { get; init; }
    public EquatableArray<string> ListMapKeys { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<string> MergeKeys { get; init; } = EquatableArray<string>.Empty;
    public int? MapType { get; init; }
    public int? StructType { get; init; }
    public bool Prepend { get; init; }
    public bool AtomicReplace { get; init; }
    public bool EmptyMeansUnset { get; init; }
    public string? OneOfGroup { get; init; }
    public double? Minimum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public double? Maximum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public double? MultipleOf { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public string? Format { get; init; }
    public EquatableArray<string> EnumValues { get; init; } = EquatableArray<string>.Empty;
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public bool UniqueItems { get; init; }
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }
    public bool Required { get; init; }
    public bool Optional { get; init; }
    public bool Nullable { get; init; }
    public string? DefaultJson { get; init; }
    public string? ExampleJson { get; init; }
    public bool PreserveUnknownFields { get; init; }
    public bool EmbeddedResource { get; init; }
    public bool IntOrString { get; init; }
    public string? SchemaType { get; init; }
    public bool Ignore { get; init; }
    public EquatableArray<CelRule> CelRules { get; init; } = EquatableArray<CelRule>.Empty;
    public bool Immutable { get; init; }
    public string? ImmutableMessage { get; init; }
    public string? SchemaFromType { get; init; }
    public string? PatchStrategy { get; init; }

    /// <summary>A string enum converter on the property or its enum type (System.Text.Json writes member names).</summary>
    public bool StringEnumConverter { get; init; }
    public string? PatchMergeKey { get; init; }
    public bool SchemaFromTemplatable { get; init; }

    /// <summary>Where each attribute sits, by short attribute name (ListMapKey, Prepend, Default...).</summary>
    public EquatableArray<AttributeSite> Sites { get; init; } = EquatableArray<AttributeSite>.Empty;

    public LocationInfo? SiteOf(string attribute)
    {
        foreach (var site in Sites)
        {
            if (site.Attribute == attribute)
            {
                return site.Location;
            }
        }

        return null;
    }
}

/// <summary>Where an attribute was applied.</summary>
internal sealed record AttributeSite(string Attribute, LocationInfo? Location);

/// <summary>Class-level attributes.</summary>
internal sealed record TypeAnnotations
{
    public int? StructType { get; init; }
    public bool PreserveUnknownFields { get; init; }
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }
    public EquatableArray<CelRule> CelRules { get; init; } = EquatableArray<CelRule>.Empty;
    public EquatableArray<OneOfSugar> OneOfSugar { get; init; } = EquatableArray<OneOfSugar>.Empty;
}
