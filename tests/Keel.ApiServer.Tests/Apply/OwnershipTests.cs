using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>Who owns what after applies and updates, and when an apply conflicts.</summary>
public sealed class OwnershipTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(1);
    private static readonly DateTimeOffset T2 = T0.AddMinutes(2);

    private readonly FieldManager manager = new(TestSchemas.Widget);

    private static JsonObject Widget(string spec) =>
        Json.Obj($$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{{spec}}}""");

    private JsonObject Apply(JsonObject? live, JsonObject applied, string who, bool force = false, DateTimeOffset? at = null)
    {
        var outcome = manager.Apply(live, applied, who, force, null, at ?? T0);
        Assert.False(outcome.HasConflicts, outcome.ConflictMessage);
        return outcome.Result!;
    }

    [Fact]
    public void A_field_the_applier_stops_applying_is_removed_when_nobody_else_owns_it()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast"}"""), "a");

        var result = Apply(live, Widget("""{"size":1}"""), "a");

        Json.Equal("""{"size":1}""", result["spec"]);
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void A_field_two_appliers_applied_with_the_same_value_is_shared_and_survives_one_of_them_dropping_it()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast"}"""), "a");
        live = Apply(live, Widget("""{"mode":"fast"}"""), "b");

        Assert.Equal("""{"f:spec":{"f:mode":{}}}""", Json.Text(Json.FieldsOf(live, "b")));
        Assert.Equal("""{"f:spec":{"f:mode":{},"f:size":{}}}""", Json.Text(Json.FieldsOf(live, "a")));

        var result = Apply(live, Widget("""{"size":1}"""), "a");

        Json.Equal("""{"size":1,"mode":"fast"}""", result["spec"]);
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
        Assert.Equal("""{"f:spec":{"f:mode":{}}}""", Json.Text(Json.FieldsOf(result, "b")));
    }

    [Fact]
    public void A_field_an_updater_also_owns_is_kept_when_the_applier_drops_it()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast"}"""), "a");
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["mode"] = "slow";
        live = manager.Update(live, edited, "kubectl-edit", null, T1);

        var result = Apply(live, Widget("""{"size":1}"""), "a");

        Json.Equal("""{"size":1,"mode":"slow"}""", result["spec"]);
    }

    [Fact]
    public void Applying_a_different_value_for_a_field_another_applier_owns_conflicts()
    {
        var live = Apply(null, Widget("""{"size":1}"""), "a");

        var outcome = manager.Apply(live, Widget("""{"size":2}"""), "b", false, null, T1);

        Assert.Null(outcome.Result);
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(new ApplyConflict("a", ".spec.size"), conflict);
        Assert.Equal("""Apply failed with 1 conflict: conflict with "a": .spec.size""", outcome.ConflictMessage);
    }

    [Fact]
    public void Applying_a_float_that_differs_only_past_decimal_precision_conflicts()
    {
        var live = Apply(null, Widget("""{"extra":{"ratio":2e-30}}"""), "a");

        var outcome = manager.Apply(live, Widget("""{"extra":{"ratio":1e-30}}"""), "b", false, null, T1);

        Assert.Equal(new ApplyConflict("a", ".spec.extra.ratio"), Assert.Single(outcome.Conflicts));
    }

    [Fact]
    public void Applying_the_same_number_written_as_a_float_shares_the_field_as_structured_merge_diff_does()
    {
        var live = Apply(null, Widget("""{"size":1}"""), "a");

        var result = Apply(live, Widget("""{"size":1.0}"""), "b", at: T1);

        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "b")));
    }

    [Fact]
    public void Force_takes_the_field_over()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast"}"""), "a");

        var result = Apply(live, Widget("""{"size":2}"""), "b", force: true, at: T1);

        Json.Equal("""{"size":2,"mode":"fast"}""", result["spec"]);
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "b")));
        Assert.Equal("""{"f:spec":{"f:mode":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void An_update_takes_only_the_fields_it_changed()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast","tags":["x"]}"""), "a");
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["size"] = 5;
        edited["spec"]!["extra"] = Json.Obj("""{"k":"v"}""");

        var result = manager.Update(live, edited, "scaler", null, T1);

        Assert.Equal("""{"f:spec":{"f:extra":{".":{},"f:k":{}},"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "scaler", "Update")));
        Assert.Equal("""{"f:spec":{"f:mode":{},"f:tags":{"v:\"x\"":{}}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void An_update_that_removes_a_field_removes_it_from_its_owner()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast"}"""), "a");
        var edited = (JsonObject)live.DeepClone();
        ((JsonObject)edited["spec"]!).Remove("mode");

        var result = manager.Update(live, edited, "kubectl-edit", null, T1);

        Assert.Equal("""{"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
        Assert.Null(Json.Entry(result, "kubectl-edit", "Update"));
    }

    [Fact]
    public void Conflicts_with_an_updater_name_its_api_version_and_several_conflicts_are_grouped_by_manager()
    {
        var live = Apply(null, Widget("""{"size":1,"mode":"fast","quantity":1}"""), "a");
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["size"] = 3;
        edited["spec"]!["mode"] = "slow";
        live = manager.Update(live, edited, "hpa", null, T1);

        var outcome = manager.Apply(live, Widget("""{"size":4,"mode":"x","quantity":"50%"}"""), "b", false, null, T2);

        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"a\":\n- .spec.quantity\nconflicts with \"hpa\" using example.com/v1:\n- .spec.mode\n- .spec.size",
            outcome.ConflictMessage);
        Assert.Equal("conflict with \"hpa\" using example.com/v1", outcome.Conflicts.Last().CauseMessage);
        Assert.Equal(".spec.size", outcome.Conflicts.Last().FieldPath);
    }

    [Fact]
    public void The_same_manager_name_conflicts_with_its_own_update_entry()
    {
        var created = manager.Update(null, Widget("""{"size":1}"""), "operator", null, T0);

        var outcome = manager.Apply(created, Widget("""{"size":2}"""), "operator", false, null, T1);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "operator" using example.com/v1: .spec.size""", outcome.ConflictMessage);
    }

    [Fact]
    public void Identity_and_bookkeeping_metadata_is_never_owned()
    {
        var applied = Json.Obj("""
        {"apiVersion":"example.com/v1","kind":"Widget",
         "metadata":{"name":"w","namespace":"ns","uid":"u","resourceVersion":"5","generation":2,"creationTimestamp":"2025-01-01T00:00:00Z","selfLink":"/x","labels":{"a":"1"}},
         "spec":{"size":1}}
        """);

        var result = Apply(null, applied, "a");

        Assert.Equal("""{"f:metadata":{"f:labels":{"f:a":{}}},"f:spec":{"f:size":{}}}""", Json.Text(Json.FieldsOf(result, "a")));
    }

    [Fact]
    public void An_apply_of_only_identity_fields_records_no_entry()
    {
        var result = Apply(null, Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"}}"""), "a");

        Assert.Empty(Json.ManagedFields(result));
    }

    [Fact]
    public void Update_entries_are_kept_per_api_version_and_apply_entries_are_not()
    {
        var live = manager.Update(null, Widget("""{"size":1}"""), "ctl", null, T0);
        var v2 = (JsonObject)live.DeepClone();
        v2["apiVersion"] = "example.com/v2";
        v2["spec"]!["mode"] = "m";
        live = manager.Update(live, v2, "ctl", null, T1);
        live = Apply(live, Widget("""{"tags":["a"]}"""), "ap", at: T1);
        var applyV2 = Widget("""{"tags":["a"],"free":{"x":1}}""");
        applyV2["apiVersion"] = "example.com/v2";
        live = Apply(live, applyV2, "ap", at: T2);

        var entries = Json.ManagedFields(live).OfType<JsonObject>()
            .Select(e => $"{e["manager"]}/{e["operation"]}/{e["apiVersion"]}").ToList();
        Assert.Equal(["ap/Apply/example.com/v2", "ctl/Update/example.com/v1", "ctl/Update/example.com/v2"], entries);
    }

    [Fact]
    public void An_update_that_changes_nothing_creates_no_entry_and_keeps_times()
    {
        var live = Apply(null, Widget("""{"size":1}"""), "a");

        var result = manager.Update(live, (JsonObject)live.DeepClone(), "noop", null, T2);

        Assert.Null(Json.Entry(result, "noop", "Update"));
        Assert.Equal(Json.Text(Json.ManagedFields(live)), Json.Text(Json.ManagedFields(result)));
    }

    [Fact]
    public void An_update_refreshes_the_writers_time_and_merges_with_its_earlier_entry()
    {
        var live = manager.Update(null, Widget("""{"size":1}"""), "ctl", null, T0);
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["mode"] = "m";

        var result = manager.Update(live, edited, "ctl", null, T2);

        var entry = Json.Entry(result, "ctl", "Update")!;
        Assert.Equal("2025-05-01T12:02:00Z", (string?)entry["time"]);
        Assert.Equal("""{"f:spec":{".":{},"f:mode":{},"f:size":{}}}""", Json.Text(entry["fieldsV1"]));
    }

    [Fact]
    public void Entries_are_sorted_apply_first_then_by_time_then_manager()
    {
        var live = manager.Update(null, Widget("""{"size":1}"""), "z-creator", null, T0);
        live = Apply(live, Widget("""{"mode":"m"}"""), "b-applier", at: T2);
        live = Apply(live, Widget("""{"tags":["t"]}"""), "a-applier", at: T2);
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["quantity"] = 1;
        live = manager.Update(live, edited, "a-editor", null, T1);

        var order = Json.ManagedFields(live).OfType<JsonObject>().Select(e => (string?)e["manager"]).ToList();
        Assert.Equal(["a-applier", "b-applier", "z-creator", "a-editor"], order);
    }

    [Fact]
    public void More_than_ten_update_managers_are_merged_into_ancient_changes_oldest_first()
    {
        var live = manager.Update(null, Widget("""{"size":0}"""), "m0", null, T0);
        for (var i = 1; i <= 11; i++)
        {
            var edited = (JsonObject)live.DeepClone();
            var labels = edited["metadata"]!["labels"] as JsonObject ?? [];
            labels[$"l{i}"] = "x";
            edited["metadata"]!["labels"] = labels.Parent is null ? labels : labels.DeepClone();
            live = manager.Update(live, edited, $"m{i}", null, T0.AddSeconds(i));
        }

        var managers = Json.ManagedFields(live).OfType<JsonObject>().Select(e => (string?)e["manager"]).ToList();
        Assert.Equal(10, managers.Count);
        Assert.Contains("ancient-changes", managers);
        Assert.DoesNotContain("m0", managers);
        Assert.DoesNotContain("m1", managers);
        Assert.DoesNotContain("m2", managers);
        Assert.Contains("m3", managers);
        Assert.Contains("m11", managers);
        var ancient = Json.Entry(live, "ancient-changes", "Update")!;
        Assert.Equal("""{"f:metadata":{"f:labels":{".":{},"f:l1":{},"f:l2":{}}},"f:spec":{".":{},"f:size":{}}}""", Json.Text(ancient["fieldsV1"]));
    }

    [Fact]
    public void A_stored_object_without_managers_is_claimed_by_before_first_apply()
    {
        var unmanaged = Widget("""{"size":1,"mode":"fast"}""");

        var outcome = manager.Apply(unmanaged, Widget("""{"size":2}"""), "a", false, null, T1);

        Assert.Equal("""Apply failed with 1 conflict: conflict with "before-first-apply" using example.com/v1: .spec.size""", outcome.ConflictMessage);
        var forced = manager.Apply(unmanaged, Widget("""{"size":2}"""), "a", true, null, T1).Result!;
        Assert.Equal("""{"f:spec":{".":{},"f:mode":{}}}""", Json.Text(Json.FieldsOf(forced, "before-first-apply", "Update")));
    }

    [Fact]
    public void Managed_fields_sent_with_an_update_replace_the_stored_ones_and_an_empty_list_resets_them()
    {
        var live = Apply(null, Widget("""{"size":1}"""), "a");
        var reset = (JsonObject)live.DeepClone();
        reset["metadata"]!["managedFields"] = new JsonArray();

        var afterReset = manager.Update(live, reset, "ctl", null, T1);

        Assert.Empty(Json.ManagedFields(afterReset));

        var replaced = (JsonObject)live.DeepClone();
        replaced["metadata"]!["managedFields"] = Json.Arr("""[{"manager":"other","operation":"Apply","apiVersion":"example.com/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:size":{}}}}]""");
        var afterReplace = manager.Update(live, replaced, "ctl", null, T1);
        Assert.Null(Json.Entry(afterReplace, "a"));
        Assert.NotNull(Json.Entry(afterReplace, "other"));

        var garbage = (JsonObject)live.DeepClone();
        garbage["metadata"]!["managedFields"] = Json.Arr("""[{"manager":"x","operation":"Dance"}]""");
        Assert.NotNull(Json.Entry(manager.Update(live, garbage, "ctl", null, T1), "a"));
    }
}
