namespace Keel.Model.Migration;

/// <summary>What the migration may do beyond the lossless typed conversion.</summary>
public sealed record MigrationOptions
{
    public static MigrationOptions Default { get; } = new();

    /// <summary>
    /// Keep a value whose template produces YAML structure verbatim under <c>spec.templates</c> (rendered and read as
    /// the ConfigMap value is). Without it such a value is an error that names the key, the line and the action.
    /// </summary>
    public bool AllowRawTemplates { get; init; }

    /// <summary>
    /// Leave out keys that name no preset part (the operator ignores them), recording them in the
    /// <see cref="MigrationAnnotations.Dropped"/> annotation. Without it an unknown key is an error.
    /// </summary>
    public bool DropUnknownKeys { get; init; }
}
