using System.Text.Json.Nodes;
using Keel.Runtime.Apply;

namespace Keel.Runtime.Tests.Apply;

/// <summary>The no-op rule, on the shapes a real API server produces (managedFields as kube-apiserver writes them).</summary>
public sealed class ApplyComparerTests
{
    private const string DeploymentFields = """
        {"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:replicas":{},"f:selector":{},
           "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:containers":{"k:{\"name\":\"vllm\"}":{".":{},"f:args":{},"f:image":{},"f:name":{},
               "f:ports":{"k:{\"containerPort\":8000,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}
        """;

    private const string DesiredDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"ns","labels":{"app":"a"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"a"}},
           "template":{"metadata":{"labels":{"app":"a"}},
             "spec":{"containers":[{"name":"vllm","image":"vllm:1","args":["--port","8000"],"ports":[{"containerPort":8000}]}]}}}}
        """;

    // What the server stores: our fields plus defaults (protocol, strategy, imagePullPolicy…) and status.
    private const string LiveDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"d","namespace":"ns","uid":"u1","resourceVersion":"42","generation":3,"labels":{"app":"a","other":"x"}},
         "spec":{"replicas":2,"progressDeadlineSeconds":600,"selector":{"matchLabels":{"app":"a"}},"strategy":{"type":"RollingUpdate"},
           "template":{"metadata":{"labels":{"app":"a"}},
             "spec":{"containers":[{"name":"vllm","image":"vllm:1","args":["--port","8000"],"imagePullPolicy":"IfNotPresent",
               "ports":[{"containerPort":8000,"protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log"}],
               "restartPolicy":"Always","dnsPolicy":"ClusterFirst"}}},
         "status":{"readyReplicas":2}}
        """;

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    private static string? Diff(string desired, string live, string owned, ApplyScope scope = ApplyScope.Main)
        => ApplyComparer.FirstDifference(Json(desired), Json(live), FieldSet.Parse(JsonNode.Parse(owned)), scope);

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var node = Json(json);
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Server_defaults_and_other_managers_fields_are_not_a_change()
        => Assert.Null(Diff(DesiredDeployment, LiveDeployment, DeploymentFields));

    [Fact]
    public void A_changed_value_is_a_change_at_its_path()
    {
        var desired = Edit(DesiredDeployment, d => d["spec"]!["replicas"] = 3);
        Assert.Equal(".spec.replicas: differs", Diff(desired, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void A_field_we_stopped_setting_must_be_applied_so_the_server_removes_it()
    {
        var desired = Edit(DesiredDeployment, d => d["spec"]!.AsObject().Remove("replicas"));
        Assert.Equal(".spec.replicas: owned but no longer desired", Diff(desired, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void A_field_we_set_but_do_not_own_must_be_applied_to_take_ownership()
    {
        var desired = Edit(DesiredDeployment, d => d["metadata"]!["labels"]!["other"] = "x"); // same value, owned by someone else
        Assert.Equal(".metadata.labels.other: not owned yet", Diff(desired, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void A_list_item_key_field_the_server_defaulted_still_matches()
    {
        // The desired port leaves protocol out; the owned key and the live item carry the default TCP.
        Assert.Null(Diff(DesiredDeployment, LiveDeployment, DeploymentFields));
        var udp = Edit(DesiredDeployment, d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["protocol"] = "UDP");
        Assert.Contains("not owned yet", Diff(udp, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void Adding_or_removing_an_associative_list_item_is_a_change()
    {
        var added = Edit(DesiredDeployment, d => d["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonNode.Parse("""{"name":"sidecar","image":"s"}""")));
        Assert.Contains("2 items desired, 1 owned", Diff(added, LiveDeployment, DeploymentFields));

        var removed = Edit(DesiredDeployment, d => d["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Clear());
        Assert.Contains("0 items desired, 1 owned", Diff(removed, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void Atomic_lists_compare_whole_and_in_order()
    {
        var reordered = Edit(DesiredDeployment, d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["args"] = new JsonArray("8000", "--port"));
        Assert.Equal(""".spec.template.spec.containers[{"name":"vllm"}].args: differs""", Diff(reordered, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void Atomic_structs_compare_whole()
    {
        var selector = Edit(DesiredDeployment, d => d["spec"]!["selector"] = JsonNode.Parse("""{"matchLabels":{"app":"b"}}"""));
        Assert.Equal(".spec.selector: differs", Diff(selector, LiveDeployment, DeploymentFields));
    }

    [Fact]
    public void Numbers_compare_by_value()
    {
        var live = Edit(LiveDeployment, l => l["spec"]!["replicas"] = JsonNode.Parse("2.0"));
        Assert.Null(Diff(DesiredDeployment, live, DeploymentFields));
    }

    [Fact]
    public void A_desired_field_missing_on_the_server_is_a_change()
    {
        var live = Edit(LiveDeployment, l => l["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("image"));
        Assert.Contains("image: missing on the server", Diff(DesiredDeployment, live, DeploymentFields));
    }

    [Fact]
    public void Set_lists_compare_as_sets_in_the_desired_order()
    {
        const string desired = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["a","b"]}}""";
        const string live = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["a","other","b"]}}""";
        const string owned = """{"f:metadata":{"f:finalizers":{".":{},"v:\"a\"":{},"v:\"b\"":{}}}}""";
        Assert.Null(Diff(desired, live, owned));
        Assert.Contains("out of order", Diff(desired.Replace("\"a\",\"b\"", "\"b\",\"a\"", StringComparison.Ordinal), live, owned));
        Assert.NotNull(Diff(desired.Replace(",\"b\"", "", StringComparison.Ordinal), live, owned));
    }

    [Fact]
    public void Status_scope_looks_only_at_status_and_the_status_entry()
    {
        const string desired = """{"apiVersion":"x/v1","kind":"M","metadata":{"name":"m"},"spec":{"ignored":true},"status":{"phase":"Ready","observedGeneration":3}}""";
        const string live = """{"apiVersion":"x/v1","kind":"M","metadata":{"name":"m"},"spec":{"a":1},"status":{"phase":"Ready","observedGeneration":3,"extra":1}}""";
        const string owned = """{"f:status":{"f:phase":{},"f:observedGeneration":{}}}""";
        Assert.Null(Diff(desired, live, owned, ApplyScope.Status));
        Assert.Equal(".status.phase: differs", Diff(desired.Replace("Ready", "Failed", StringComparison.Ordinal), live, owned, ApplyScope.Status));
    }

    [Fact]
    public void Atomic_list_items_compare_whole()
    {
        const string desired = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"c","uid":"u1","controller":true}]}}""";
        const string live = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"c","uid":"u1","controller":true}]}}""";
        const string owned = """{"f:metadata":{"f:ownerReferences":{"k:{\"uid\":\"u1\"}":{}}}}""";
        Assert.Null(Diff(desired, live, owned));
        Assert.Equal(""".metadata.ownerReferences[{"uid":"u1"}]: differs""", Diff(desired.Replace("\"controller\":true", "\"controller\":false", StringComparison.Ordinal), live, owned));
    }

    [Fact]
    public void Nothing_owned_or_nothing_live_means_apply()
    {
        Assert.NotNull(ApplyComparer.FirstDifference(Json(DesiredDeployment), null, FieldSet.Empty, ApplyScope.Main));
        Assert.NotNull(ApplyComparer.FirstDifference(Json(DesiredDeployment), Json(LiveDeployment), null, ApplyScope.Main));
    }
}
