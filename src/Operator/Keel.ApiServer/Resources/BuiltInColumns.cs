using System.Text.Json.Nodes;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Tables;

namespace Keel.ApiServer.Resources;

/// <summary>The <c>kubectl get</c> columns of the built-in kinds, after the real server's printers.</summary>
internal static class BuiltInColumns
{
    public static readonly IReadOnlyList<TableColumn> Namespace =
    [
        TableColumn.FromJsonPath("Status", "string", ".status.phase", "The status of the namespace"),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> ConfigMap =
    [
        new("Data", "integer", "Data contains the configuration data", 0, (o, _) => Count(o["data"]) + Count(o["binaryData"])),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> Secret =
    [
        TableColumn.FromJsonPath("Type", "string", ".type", "The type of secret"),
        new("Data", "integer", "The number of entries in the secret", 0, (o, _) => Count(o["data"])),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> ServiceAccount =
    [
        new("Secrets", "integer", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use", 0, (o, _) => Count(o["secrets"])),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> Service =
    [
        TableColumn.FromJsonPath("Type", "string", ".spec.type", "The type of the service"),
        TableColumn.FromJsonPath("Cluster-IP", "string", ".spec.clusterIP", "The cluster IP of the service"),
        new("External-IP", "string", "The external IP of the service", 0, (o, _) => ExternalIps(o)),
        new("Port(s)", "string", "The ports of the service", 0, (o, _) => Ports(o)),
        TableColumn.Age(),
        new("Selector", "string", "The selector of the service", 1, (o, _) => Selector(o["spec"]?["selector"])),
    ];

    public static readonly IReadOnlyList<TableColumn> Pod =
    [
        new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic.", 0, (o, _) => PodReady(o)),
        new("Status", "string", "The aggregate status of the containers in this pod.", 0, (o, _) => PodStatus(o)),
        new("Restarts", "string", "The number of times the containers in this pod have been restarted.", 0,
            (o, _) => (o["status"]?["containerStatuses"] as JsonArray)?.Sum(c => JsonNumbers.Long(c?["restartCount"]) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
        TableColumn.Age(),
        TableColumn.FromJsonPath("IP", "string", ".status.podIP", "The IP address assigned to this pod.", 1),
        TableColumn.FromJsonPath("Node", "string", ".spec.nodeName", "The name of the node this pod is assigned to.", 1),
    ];

    public static readonly IReadOnlyList<TableColumn> Deployment =
    [
        new("Ready", "string", "Number of the pod with ready state", 0,
            (o, _) => $"{JsonNumbers.Long(o["status"]?["readyReplicas"]) ?? 0}/{JsonNumbers.Long(o["spec"]?["replicas"]) ?? 1}"),
        new("Up-to-date", "integer", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", 0,
            (o, _) => JsonNumbers.Long(o["status"]?["updatedReplicas"]) ?? 0),
        new("Available", "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", 0,
            (o, _) => JsonNumbers.Long(o["status"]?["availableReplicas"]) ?? 0),
        TableColumn.Age(),
        new("Containers", "string", "Names of each container in the template.", 1, (o, _) => Containers(o, "name")),
        new("Images", "string", "Images referenced by each container in the template.", 1, (o, _) => Containers(o, "image")),
        new("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1,
            (o, _) => Selector(o["spec"]?["selector"]?["matchLabels"])),
    ];

    public static readonly IReadOnlyList<TableColumn> Role = [CreatedAt()];

    public static readonly IReadOnlyList<TableColumn> Binding =
    [
        new("Role", "string", "Role referenced by this binding", 0, (o, _) => $"{(string?)o["roleRef"]?["kind"]}/{(string?)o["roleRef"]?["name"]}"),
        TableColumn.Age(),
        new("Users", "string", "Users in the binding", 1, (o, _) => Subjects(o, "User")),
        new("Groups", "string", "Groups in the binding", 1, (o, _) => Subjects(o, "Group")),
        new("ServiceAccounts", "string", "ServiceAccounts in the binding", 1, (o, _) => Subjects(o, "ServiceAccount")),
    ];

    public static readonly IReadOnlyList<TableColumn> Lease =
    [
        TableColumn.FromJsonPath("Holder", "string", ".spec.holderIdentity", "The holder of the lease"),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> Event =
    [
        new("Last Seen", "string", "Time when this event was last observed.", 0,
            (o, now) => ObjectTime.Parse(o["lastTimestamp"] ?? o["eventTime"] ?? o["metadata"]?["creationTimestamp"]) is { } t ? HumanDuration.Since(t, now) : "<unknown>"),
        TableColumn.FromJsonPath("Type", "string", ".type", "Type of this event (Normal, Warning), new types could be added in the future."),
        TableColumn.FromJsonPath("Reason", "string", ".reason", "This should be a short, machine understandable string that gives the reason for this event being generated."),
        new("Object", "string", "The object this Event is about.", 0,
            (o, _) => $"{((string?)o["involvedObject"]?["kind"])?.ToLowerInvariant()}/{(string?)o["involvedObject"]?["name"]}"),
        TableColumn.FromJsonPath("Message", "string", ".message", "A human-readable description of the status of this operation."),
    ];

    public static readonly IReadOnlyList<TableColumn> EventsV1 =
    [
        TableColumn.FromJsonPath("Type", "string", ".type", "Type of this event."),
        TableColumn.FromJsonPath("Reason", "string", ".reason", "Why the action was taken."),
        new("Object", "string", "The object this Event is about.", 0,
            (o, _) => $"{((string?)o["regarding"]?["kind"])?.ToLowerInvariant()}/{(string?)o["regarding"]?["name"]}"),
        TableColumn.FromJsonPath("Note", "string", ".note", "A human-readable description of the status of this operation."),
        TableColumn.Age(),
    ];

    public static readonly IReadOnlyList<TableColumn> CustomResourceDefinition = [CreatedAt()];

    /// <summary>"Created At" shows the timestamp itself, not an age (roles, CRDs).</summary>
    private static TableColumn CreatedAt() =>
        new("Created At", "date", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0,
            (o, _) => (string?)o["metadata"]?["creationTimestamp"]);

    private static long Count(JsonNode? node) => node switch
    {
        JsonObject o => o.Count,
        JsonArray a => a.Count,
        _ => 0,
    };

    private static string Selector(JsonNode? labels) =>
        labels is JsonObject o && o.Count > 0 ? string.Join(",", o.Select(p => $"{p.Key}={(string?)p.Value}")) : "<none>";

    private static string ExternalIps(JsonObject o)
    {
        var ips = (o["spec"]?["externalIPs"] as JsonArray)?.Select(i => (string?)i).ToList() ?? [];
        ips.AddRange((o["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.Select(i => (string?)i?["ip"] ?? (string?)i?["hostname"]) ?? []);
        var type = (string?)o["spec"]?["type"];
        if (ips.Count > 0)
        {
            return string.Join(",", ips);
        }

        return type switch
        {
            "LoadBalancer" => "<pending>",
            "ExternalName" => (string?)o["spec"]?["externalName"] ?? "<none>",
            _ => "<none>",
        };
    }

    private static string Ports(JsonObject o)
    {
        if (o["spec"]?["ports"] is not JsonArray ports || ports.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", ports.Select(p =>
        {
            var port = JsonNumbers.Long(p?["port"]) ?? 0;
            var nodePort = JsonNumbers.Long(p?["nodePort"]);
            var protocol = (string?)p?["protocol"] ?? "TCP";
            return nodePort is { } np ? $"{port}:{np}/{protocol}" : $"{port}/{protocol}";
        }));
    }

    private static string PodReady(JsonObject o)
    {
        var total = (o["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = (o["status"]?["containerStatuses"] as JsonArray)?.Count(c => JsonNumbers.Bool(c?["ready"]) == true) ?? 0;
        return $"{ready}/{total}";
    }

    private static string PodStatus(JsonObject o) =>
        Meta.IsDeleting(o) ? "Terminating" : (string?)o["status"]?["reason"] ?? (string?)o["status"]?["phase"] ?? "Pending";

    private static string Containers(JsonObject o, string field) =>
        o["spec"]?["template"]?["spec"]?["containers"] is JsonArray containers
            ? string.Join(",", containers.Select(c => (string?)c?[field]))
            : "";

    private static string Subjects(JsonObject o, string kind)
    {
        var names = (o["subjects"] as JsonArray)?
            .Where(s => (string?)s?["kind"] == kind)
            .Select(s => kind == "ServiceAccount" ? $"{(string?)s?["namespace"]}/{(string?)s?["name"]}" : (string?)s?["name"])
            .ToList() ?? [];
        return string.Join(", ", names);
    }
}
