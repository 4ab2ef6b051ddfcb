using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>With a status subresource, the main resource cannot write status and /status writes nothing else.</summary>
public sealed class SubresourceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FieldManager manager = new(TestSchemas.Widget, new FieldManagerOptions { StatusSubresource = true });

    [Fact]
    public void An_apply_to_the_main_resource_ignores_status_and_does_not_own_it()
    {
        var created = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1},"status":{"phase":"Fake"}}"""), "op", false, null, T0).Result!;

        Assert.False(created.ContainsKey("status"));
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(created, "op")));
    }

    [Fact]
    public void A_status_apply_changes_only_status_and_records_the_subresource()
    {
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "op", false, null, T0).Result!;

        var result = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","labels":{"x":"y"}},"spec":{"size":9},"status":{"phase":"Ready"}}"""), "op", false, "status", T0).Result!;

        Json.Equal("""{"size":1}""", result["spec"]);
        Json.Equal("""{"phase":"Ready"}""", result["status"]);
        Assert.Null(result["metadata"]!["labels"]);
        Assert.Equal("""{"f:status":{"f:phase":{}}}""", Json.Text(Json.FieldsOf(result, "op", "Apply", "status")));
        Assert.Equal("status", (string?)Json.Entry(result, "op", "Apply", "status")!["subresource"]);
        Assert.NotNull(Json.Entry(result, "op", "Apply"));
    }

    [Fact]
    public void A_main_resource_apply_keeps_the_live_status_and_never_prunes_it()
    {
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "op", false, null, T0).Result!;
        live = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"Ready"}}"""), "op", false, "status", T0).Result!;

        var result = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":2},"status":{"phase":"Lies"}}"""), "op", false, null, T0).Result!;

        Json.Equal("""{"phase":"Ready"}""", result["status"]);
        Json.Equal("""{"size":2}""", result["spec"]);
    }

    [Fact]
    public void A_status_update_is_owned_per_subresource_and_cannot_change_spec()
    {
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "op", false, null, T0).Result!;
        var put = (JsonObject)live.DeepClone();
        put["spec"]!["size"] = 7;
        put["status"] = Json.Obj("""{"phase":"Ready","observedGeneration":1}""");

        var result = manager.Update(live, put, "controller", "status", T0);

        Json.Equal("""{"size":1}""", result["spec"]);
        Assert.Equal("""{"f:status":{".":{},"f:observedGeneration":{},"f:phase":{}}}""", Json.Text(Json.FieldsOf(result, "controller", "Update", "status")));
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "op")));
    }

    [Fact]
    public void Status_conflicts_only_with_status_owners()
    {
        var live = manager.Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}"""), "op", false, null, T0).Result!;
        live = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"A"}}"""), "c1", false, "status", T0).Result!;

        var outcome = manager.Apply(live, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"B"}}"""), "c2", false, "status", T0);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "c1" with subresource "status": .status.phase""", outcome.ConflictMessage);
    }
}
