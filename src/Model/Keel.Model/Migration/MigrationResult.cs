using System.Text.Json.Nodes;
using Keel.Model.Api;

namespace Keel.Model.Migration;

/// <summary>
/// The outcome of migrating one ConfigMap preset: the BaseConfig (as the manifest to apply and as the typed object),
/// what became of each key, and every note. With any error there is no BaseConfig.
/// </summary>
public sealed record MigrationResult
{
    /// <summary>The BaseConfig manifest, or null when the migration failed.</summary>
    public JsonObject? Manifest { get; init; }

    /// <summary>The BaseConfig as the typed object the operator reads, or null when the migration failed.</summary>
    public BaseConfig? BaseConfig { get; init; }

    /// <summary>What became of each key, in the ConfigMap's order.</summary>
    public IReadOnlyList<PartMigration> Parts { get; init; } = [];

    /// <summary>Errors, warnings and notes, in the order found.</summary>
    public IReadOnlyList<MigrationNote> Notes { get; init; } = [];

    /// <summary>What had no place in the BaseConfig (also in the <see cref="MigrationAnnotations.Dropped"/> annotation).</summary>
    public IReadOnlyList<DroppedField> Dropped { get; init; } = [];

    /// <summary>The source, as the <see cref="MigrationAnnotations.MigratedFrom"/> annotation names it: <c>configmap/presets/pd</c>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The source's resourceVersion, when known.</summary>
    public string? SourceResourceVersion { get; init; }

    public bool Succeeded => Manifest is not null && !Notes.Any(n => n.IsError);

    public IEnumerable<MigrationNote> Errors => Notes.Where(n => n.IsError);

    /// <summary>
    /// Whether a legacy pool or InferenceModel was upgraded (or an InferenceModel left out beside an
    /// inferenceObjective): the two forms then agree in the operator's v1 pool mode (the default) only, see
    /// <see cref="Checking.MigrationCheck"/>.
    /// </summary>
    public bool UpgradedLegacyApis => Parts.Any(p =>
        (p.Outcome == PartOutcome.Upgraded && p.Key is "inferencePool" or "inferenceModel")
        || (p.Outcome == PartOutcome.Dropped && p.Key == "inferenceModel"));

    /// <summary>Whether some part is kept as raw template text.</summary>
    public bool HasRawTemplates => Parts.Any(p => p.Outcome == PartOutcome.Raw);
}
