using System.Text.Json.Nodes;
using Keel.ApiServer.Http;

namespace Keel.ApiServer.Admission;

/// <summary>
/// Stand-in until the Apply module is wired: ordinary writes work (without managedFields), patches and
/// server-side apply answer 415 naming what is missing. Replaced by the Apply-backed implementation.
/// </summary>
public sealed class PendingFieldManagement : IFieldManagement
{
    public static readonly PendingFieldManagement Instance = new();

    public JsonObject TrackUpdate(JsonObject? oldObject, JsonObject updated, string manager, string? subresource, DateTimeOffset now) => updated;

    public ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, string? subresource, DateTimeOffset now) =>
        throw Unavailable(MediaTypes.ApplyPatchYaml);

    public JsonObject MergePatch(JsonObject target, JsonNode patch) => throw Unavailable(MediaTypes.MergePatch);

    public JsonObject StrategicMergePatch(JsonObject target, JsonObject patch) => throw Unavailable(MediaTypes.StrategicMergePatch);

    public JsonObject JsonPatch(JsonObject target, JsonArray patch) => throw Unavailable(MediaTypes.JsonPatch);

    public bool SemanticallyEqual(JsonObject a, JsonObject b) => JsonNode.DeepEquals(a, b);

    private static ApiException Unavailable(string type) =>
        new(415, "UnsupportedMediaType", $"{type} is not available: the server was built without its patch engine");
}
