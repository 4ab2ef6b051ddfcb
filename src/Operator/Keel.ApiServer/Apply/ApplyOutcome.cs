using System.Text.Json.Nodes;

namespace Keel.ApiServer.Apply;

/// <summary>
/// The result of a server-side apply: the object to store (with updated <c>managedFields</c>), or,
/// when other managers own fields the apply would change and it was not forced, the conflicts
/// (<see cref="Result"/> is null exactly when there are conflicts).
/// </summary>
public sealed record ApplyOutcome(JsonObject? Result, IReadOnlyList<ApplyConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>The 409 message the API server returns for these conflicts; null when there are none.</summary>
    public string? ConflictMessage => HasConflicts ? ApplyConflict.FormatMessage(Conflicts) : null;
}
