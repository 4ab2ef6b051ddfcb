using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>What the recursive schema checks know about where they are (the apiextensions <c>specStandardValidator</c>).</summary>
internal sealed record SchemaCheckContext(
    bool AllowDefaults,
    string DisallowDefaultsReason,
    bool InsideResourceMeta,
    FieldPath? UncorrelatablePath)
{
    public static readonly SchemaCheckContext Root = new(true, "", false, null);

    public SchemaCheckContext WithForbiddenDefaults(string reason) => this with { AllowDefaults = false, DisallowDefaultsReason = reason };

    public SchemaCheckContext WithInsideResourceMeta() => this with { InsideResourceMeta = true };

    public SchemaCheckContext WithUncorrelatable(FieldPath path) => UncorrelatablePath is null ? this with { UncorrelatablePath = path } : this;
}
