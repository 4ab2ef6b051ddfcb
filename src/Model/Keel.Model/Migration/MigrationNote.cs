namespace Keel.Model.Migration;

/// <summary>How much a <see cref="MigrationNote"/> matters.</summary>
public enum MigrationSeverity
{
    /// <summary>What the conversion did (a legacy part upgraded, a part kept as raw template text).</summary>
    Info,

    /// <summary>Something was left out or may need a look; the result is still equivalent.</summary>
    Warning,

    /// <summary>No BaseConfig is produced (or, for a raw-only obstacle, none without the flag that accepts it).</summary>
    Error,
}

/// <summary>
/// One thing the migration wants a person to know. <see cref="Message"/> is one line that names the preset, the key
/// and, where there is one, the line and column inside the key's value (as the render names them), e.g.
/// <c>preset ConfigMap presets/pd, key decodeDeployment, line 12, column 9: unknown field "spec.foo" dropped</c>.
/// </summary>
/// <param name="Severity">Info, warning or error.</param>
/// <param name="Code">What kind of note (<see cref="MigrationCodes"/>).</param>
/// <param name="Message">The whole message, location included.</param>
/// <param name="Key">The ConfigMap key it is about, or null for the preset as a whole.</param>
/// <param name="Line">1-based line inside the key's value, when known.</param>
/// <param name="Column">1-based column inside the key's value, when known.</param>
public sealed record MigrationNote(MigrationSeverity Severity, string Code, string Message, string? Key = null, int? Line = null, int? Column = null)
{
    public bool IsError => Severity == MigrationSeverity.Error;

    public override string ToString() => Severity switch
    {
        MigrationSeverity.Error => "error: ",
        MigrationSeverity.Warning => "warning: ",
        _ => "note: ",
    } + Message;

    public static MigrationNote Error(string code, string message, string? key = null, int? line = null, int? column = null) =>
        new(MigrationSeverity.Error, code, message, key, line, column);

    public static MigrationNote Warning(string code, string message, string? key = null, int? line = null, int? column = null) =>
        new(MigrationSeverity.Warning, code, message, key, line, column);

    public static MigrationNote Info(string code, string message, string? key = null, int? line = null, int? column = null) =>
        new(MigrationSeverity.Info, code, message, key, line, column);
}

/// <summary>The codes of <see cref="MigrationNote"/>.</summary>
public static class MigrationCodes
{
    /// <summary>The input is not a ConfigMap (another kind, a BaseConfig already, several objects).</summary>
    public const string NotAConfigMap = "NotAConfigMap";

    /// <summary>The ConfigMap has no data, or only empty values.</summary>
    public const string EmptyPreset = "EmptyPreset";

    /// <summary>A data value is not a string (a mapping written without <c>|</c>).</summary>
    public const string NotText = "NotText";

    /// <summary>A value does not parse as a template, or uses a template variable that does not exist.</summary>
    public const string TemplateError = "TemplateError";

    /// <summary>A value is not valid YAML (and holds no template that could explain it).</summary>
    public const string InvalidYaml = "InvalidYaml";

    /// <summary>A value is valid YAML of the wrong shape (a list where a Deployment is expected).</summary>
    public const string WrongShape = "WrongShape";

    /// <summary>A value does not read as its kind (<c>replicas: many</c>).</summary>
    public const string InvalidPart = "InvalidPart";

    /// <summary>A key that names no preset part.</summary>
    public const string UnknownKey = "UnknownKey";

    /// <summary>A field the part's kind does not have: the ConfigMap form dropped it too.</summary>
    public const string UnknownField = "UnknownField";

    /// <summary>A field a preset never sets (status, server-set metadata, binaryData): ignored by both forms.</summary>
    public const string IgnoredField = "IgnoredField";

    /// <summary>A value's template produces YAML structure, so it cannot be a typed part: which action and why.</summary>
    public const string NeedsRawTemplate = "NeedsRawTemplate";

    /// <summary>A value kept verbatim under spec.templates (with the flag that accepts it).</summary>
    public const string RawTemplate = "RawTemplate";

    /// <summary>A legacy part (InferencePool v1alpha2, InferenceModel, the pool group of a route) upgraded.</summary>
    public const string LegacyApiUpgraded = "LegacyApiUpgraded";

    /// <summary>Something of the input has no place in the BaseConfig and was left out (recorded in an annotation).</summary>
    public const string Dropped = "Dropped";

    /// <summary>A template action inside a YAML comment: it printed into the comment, and a typed part has none.</summary>
    public const string TemplateInComment = "TemplateInComment";

    /// <summary>A value that is empty or renders to nothing: the part is absent in both forms.</summary>
    public const string EmptyValue = "EmptyValue";
}
