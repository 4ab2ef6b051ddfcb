using System.Text.Json.Nodes;

namespace Keel.ApiServer.Admission;

/// <summary>A field-manager conflict of a server-side apply.</summary>
public sealed record ApplyConflictInfo(string Manager, string Field, string Message);

/// <summary>The result of a server-side apply: the merged object, or the conflicts that stopped it.</summary>
public sealed record ApplyResult(JsonObject? Result, IReadOnlyList<ApplyConflictInfo> Conflicts, string ConflictMessage);

/// <summary>
/// The write/merge step of a request, per resource: patches, server-side apply and managedFields
/// bookkeeping for ordinary writes. Backed by the Apply module with the resource's merge topology.
/// Failures the client caused are thrown as <see cref="Http.ApiException"/>.
/// </summary>
public interface IFieldManagement
{
    /// <summary>Records <paramref name="manager"/>'s ownership for a non-apply write; returns the object with managedFields.</summary>
    JsonObject TrackUpdate(JsonObject? oldObject, JsonObject updated, string manager, string? subresource, DateTimeOffset now);

    ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, string? subresource, DateTimeOffset now);

    JsonObject MergePatch(JsonObject target, JsonNode patch);

    JsonObject StrategicMergePatch(JsonObject target, JsonObject patch);

    JsonObject JsonPatch(JsonObject target, JsonArray patch);

    /// <summary>Equality the way the real server decides a write is a no-op.</summary>
    bool SemanticallyEqual(JsonObject a, JsonObject b);
}
