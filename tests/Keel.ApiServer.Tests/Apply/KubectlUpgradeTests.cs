using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>
/// Moving an object from client-side <c>kubectl apply</c> to <c>kubectl apply --server-side</c>, and
/// ownership recorded under an older schema.
/// </summary>
public sealed class KubectlUpgradeTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";
    private readonly FieldManager manager = new(TestSchemas.Widget);

    private static JsonObject Widget(string spec) =>
        Json.Obj($$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{{spec}}}""");

    /// <summary>What client-side kubectl apply creates: the object plus its own JSON in the annotation.</summary>
    private JsonObject ClientSideCreate(string spec)
    {
        var obj = Widget(spec);
        obj["metadata"]!["annotations"] = new JsonObject { [Annotation] = Widget(spec).ToJsonString() + "\n" };
        return manager.Update(null, obj, "kubectl-client-side-apply", null, T0);
    }

    [Fact]
    public void Kubectl_server_side_apply_takes_over_fields_last_applied_client_side_without_conflicts()
    {
        var live = ClientSideCreate("""{"size":1,"mode":"fast"}""");

        var outcome = manager.Apply(live, Widget("""{"size":2,"mode":"fast"}"""), "kubectl", false, null, T0);

        Assert.False(outcome.HasConflicts, outcome.ConflictMessage);
        Assert.Equal(2, (int?)outcome.Result!["spec"]!["size"]);
        Assert.Equal("""{"f:spec":{"f:mode":{},"f:size":{}}}""", Json.Text(Json.FieldsOf(outcome.Result!, "kubectl")));
    }

    [Fact]
    public void Fields_changed_since_the_last_client_side_apply_still_conflict()
    {
        var live = ClientSideCreate("""{"size":1,"mode":"fast"}""");
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["mode"] = "slow";
        live = manager.Update(live, edited, "kubectl-edit", null, T0);

        var outcome = manager.Apply(live, Widget("""{"size":2,"mode":"fastest"}"""), "kubectl", false, null, T0);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "kubectl-edit" using example.com/v1: .spec.mode""", outcome.ConflictMessage);
    }

    [Fact]
    public void Other_managers_get_no_upgrade()
    {
        var live = ClientSideCreate("""{"size":1}""");

        var outcome = manager.Apply(live, Widget("""{"size":2}"""), "keel", false, null, T0);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using example.com/v1: .spec.size""", outcome.ConflictMessage);
    }

    [Fact]
    public void Kubectl_server_side_apply_keeps_an_existing_annotation_current()
    {
        var live = ClientSideCreate("""{"size":1}""");

        var result = manager.Apply(live, Widget("""{"size":2}"""), "kubectl", false, null, T0).Result!;

        Assert.Equal("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":2}}""" + "\n",
            (string?)result["metadata"]!["annotations"]![Annotation]);
        var withoutAnnotation = manager.Apply(null, Widget("""{"size":2}"""), "kubectl", false, null, T0).Result!;
        Assert.Null(withoutAnnotation["metadata"]!["annotations"]);
    }

    [Fact]
    public void Ownership_of_a_field_that_became_atomic_is_ownership_of_the_whole_field()
    {
        var live = manager.Apply(null, Widget("""{"free":{"a":1,"b":2}}"""), "a", false, null, T0).Result!;
        Assert.Equal("""{"f:spec":{"f:free":{"f:a":{},"f:b":{}}}}""", Json.Text(Json.FieldsOf(live, "a")));
        var atomicSchema = Json.Obj(TestSchemas.WidgetJson);
        atomicSchema["properties"]!["spec"]!["properties"]!["free"]!["x-kubernetes-map-type"] = "atomic";
        var atomic = new FieldManager(MergeTopology.FromSchema(atomicSchema));

        var conflict = atomic.Apply(live, Widget("""{"free":{"c":3}}"""), "b", false, null, T0);

        Assert.Equal(".spec.free", Assert.Single(conflict.Conflicts).FieldPath);
        var result = atomic.Apply(live, Widget("""{"free":{"a":1,"b":2}}"""), "a", false, null, T0).Result!;
        Assert.Equal("""{"f:spec":{"f:free":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }
}
