using System.Text.Json.Nodes;

namespace Keel.Model.Migration;

/// <summary>The migration of one ConfigMap key.</summary>
/// <param name="Key">The ConfigMap key.</param>
/// <param name="Field">The BaseConfig spec field it became (<c>inferenceObjective</c> for a legacy inferenceModel), or null.</param>
/// <param name="Outcome">Typed, upgraded, raw, absent, dropped, failed or refused.</param>
/// <param name="Value">The typed part's JSON (templates as strings), or null.</param>
/// <param name="RawText">The template text kept under spec.templates, or null.</param>
/// <param name="Reasons">Why the value cannot be typed (each names the line, column and action), for raw and refused parts.</param>
public sealed record PartMigration(
    string Key,
    string? Field,
    PartOutcome Outcome,
    JsonNode? Value,
    string? RawText,
    IReadOnlyList<MigrationNote> Reasons);
