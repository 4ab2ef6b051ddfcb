using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.Runtime.Apply;
using FieldSet = Keel.Runtime.Apply.FieldSet;

namespace Keel.Runtime.Tests.Apply;

/// <summary>
/// The no-op rule checked against the API server's own server-side apply engine: for each change to a desired
/// object, the comparer must say "no write needed" exactly when applying it would leave the stored object as it is.
/// </summary>
public sealed class ApplyComparerAgreesWithTheServerTests
{
    private const string Manager = "modelservice-operator";
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A Deployment-like kind: containers keyed by name, ports keyed by (containerPort, protocol), args atomic,
    // finalizers-like tags a set, selector an atomic struct.
    private static readonly MergeTopology Topology = MergeTopology.FromSchema((JsonObject)JsonNode.Parse("""
        {"type":"object","properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},
          "spec":{"type":"object","properties":{
            "replicas":{"type":"integer"},"scale":{"type":"number"},
            "selector":{"type":"object","x-kubernetes-map-type":"atomic","properties":{"matchLabels":{"type":"object","additionalProperties":{"type":"string"}}}},
            "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
            "containers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{
              "name":{"type":"string"},"image":{"type":"string"},"imagePullPolicy":{"type":"string"},
              "args":{"type":"array","items":{"type":"string"}},
              "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["containerPort","protocol"],"items":{"type":"object","properties":{
                "containerPort":{"type":"integer"},"protocol":{"type":"string"},"name":{"type":"string"}}}}}}}}}}}
        """)!);

    private const string Desired = """
        {"apiVersion":"x.io/v1","kind":"Widget","metadata":{"name":"w","namespace":"ns","labels":{"app":"a"},
           "ownerReferences":[{"apiVersion":"x.io/v1","kind":"Parent","name":"p","uid":"u1","controller":true}]},
         "spec":{"replicas":2,"scale":1e-30,"selector":{"matchLabels":{"app":"a"}},"tags":["b","a"],
           "containers":[{"name":"vllm","image":"vllm:1","args":["--port","8000"],"ports":[{"containerPort":8000,"protocol":"TCP"}]},
                         {"name":"sidecar","image":"s:1"}]}}
        """;

    public static TheoryData<string, string> Changes() => new()
    {
        { "nothing", "" },
        { "a scalar value", "spec.replicas=3" },
        { "a field removed", "-spec.replicas" },
        { "a field added", "metadata.annotations={\"x\":\"y\"}" },
        { "a label value", "metadata.labels.app=\"b\"" },
        { "atomic list order", "spec.containers.0.args=[\"8000\",\"--port\"]" },
        { "a set in another order", "spec.tags=[\"a\",\"b\"]" },
        { "a set item removed", "spec.tags=[\"a\"]" },
        { "an associative item added", "spec.containers.2={\"name\":\"side\",\"image\":\"s\"}" },
        { "associative items reordered", "spec.containers=[{\"name\":\"sidecar\",\"image\":\"s:1\"},{\"name\":\"vllm\",\"image\":\"vllm:1\",\"args\":[\"--port\",\"8000\"],\"ports\":[{\"containerPort\":8000,\"protocol\":\"TCP\"}]}]" },
        { "an associative item's value", "spec.containers.1.image=\"s:2\"" },
        { "an associative item removed", "spec.containers=[]" },
        { "an item's field added", "spec.containers.0.ports.0.name=\"http\"" },
        { "an atomic struct changed", "spec.selector={\"matchLabels\":{\"app\":\"b\"}}" },
        { "a number written as 2.0", "spec.replicas=2.0" },
        { "a tiny float changed", "spec.scale=2e-30" },
        { "a tiny float spelled otherwise", "spec.scale=1.0e-30" },
        { "an integer past double precision", "spec.replicas=9007199254740993" },
        { "an owner reference's field", "metadata.ownerReferences.0.blockOwnerDeletion=true" },
        { "a second owner reference", "metadata.ownerReferences.1={\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"c\",\"uid\":\"u2\"}" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_comparer_predicts_whether_the_server_would_change_the_object(string change, string edit)
    {
        var engine = new FieldManager(Topology);
        var first = engine.Apply(null, Json(Desired), Manager, force: true, subresource: null, Now).Result!;
        // Another writer's field and a server default, which must not count as differences.
        first["spec"]!["containers"]![0]!["imagePullPolicy"] = "IfNotPresent";
        var live = engine.Update(first, first, "kubectl", null, Now);

        var desired = Edit(Json(Desired), edit);
        var stored = engine.Apply((JsonObject)live.DeepClone(), (JsonObject)desired.DeepClone(), Manager, force: true, subresource: null, Now).Result!;
        var serverChanges = !FieldManager.SemanticallyEqual(live, stored);

        var reason = ApplyComparer.FirstDifference(desired, live, Owned(live), ApplyScope.Main);
        Assert.True(serverChanges == reason is not null, $"{change}: server changes={serverChanges}, comparer said {reason ?? "no-op"}");
    }

    private static FieldSet? Owned(JsonObject live)
    {
        var entry = live["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == Manager && (string?)e["operation"] == "Apply");
        return entry is null ? null : FieldSet.Parse(entry["fieldsV1"]);
    }

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    /// <summary>Applies "a.b.0.c=json" (set) or "-a.b" (remove) to a copy.</summary>
    private static JsonObject Edit(JsonObject obj, string edit)
    {
        if (edit.Length == 0)
        {
            return obj;
        }

        var remove = edit.StartsWith('-');
        var (path, value) = remove ? (edit[1..], null) : (edit[..edit.IndexOf('=', StringComparison.Ordinal)], JsonNode.Parse(edit[(edit.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        var parts = path.Split('.');
        JsonNode node = obj;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        var last = parts[^1];
        if (node is JsonArray array && int.TryParse(last, out var index))
        {
            if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (remove)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = value;
        }

        return obj;
    }
}
