using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Operations;

namespace Keel.ApiServer.Resources;

/// <summary>
/// The server-side defaulting and create-time resets of built-in kinds that clients observe: a new
/// Namespace is Active with the <c>kubernetes</c> finalizer and its name label, a Service gets a cluster
/// IP, a Deployment starts with an empty status and the documented spec defaults.
/// </summary>
internal static class BuiltInDefaults
{
    private static int s_nextServiceIp;

    public static void Namespace(JsonObject ns)
    {
        var spec = Object(ns, "spec");
        spec["finalizers"] ??= new JsonArray("kubernetes");
        ns["status"] = new JsonObject { ["phase"] = "Active" };
        NamespaceNameLabel(ns);
    }

    /// <summary>Every namespace carries <c>kubernetes.io/metadata.name</c> (1.21+).</summary>
    public static void NamespaceNameLabel(JsonObject ns)
    {
        var name = Meta.Str(ns, "name");
        if (name.Length > 0)
        {
            Object(Meta.Of(ns), "labels")["kubernetes.io/metadata.name"] = name;
        }
    }

    public static void NamespaceTerminating(JsonObject ns) => Object(ns, "status")["phase"] = "Terminating";

    public static bool NamespaceHasSpecFinalizers(JsonObject ns) => ns["spec"]?["finalizers"] is JsonArray { Count: > 0 };

    public static void Service(JsonObject svc)
    {
        var spec = Object(svc, "spec");
        var type = (string?)spec["type"] ?? "ClusterIP";
        spec["type"] = type;
        spec["sessionAffinity"] ??= "None";
        if (type != "ExternalName" && spec["clusterIP"] is null)
        {
            var n = Interlocked.Increment(ref s_nextServiceIp);
            var ip = $"10.96.{(n >> 8) & 0xFF}.{n & 0xFF}";
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }

        if (spec["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
                port["targetPort"] ??= port["port"]?.DeepClone();
            }
        }

        svc["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public static void Pod(JsonObject pod)
    {
        var spec = Object(pod, "spec");
        spec["restartPolicy"] ??= "Always";
        spec["serviceAccountName"] ??= "default";
        pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
    }

    public static void Deployment(JsonObject deployment)
    {
        DeploymentSpec(deployment);
        deployment["status"] = new JsonObject();
    }

    public static void DeploymentSpec(JsonObject deployment)
    {
        var spec = Object(deployment, "spec");
        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        if (spec["strategy"] is null)
        {
            spec["strategy"] = new JsonObject
            {
                ["type"] = "RollingUpdate",
                ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
            };
        }

        // Container ports default their protocol, as the real server does; server-side apply keys the list by
        // containerPort and protocol, so a port stored without it would never match its managedFields key.
        if (spec["template"]?["spec"] is JsonObject podSpec)
        {
            foreach (var list in new[] { "containers", "initContainers" })
            {
                foreach (var container in (podSpec[list] as JsonArray ?? []).OfType<JsonObject>())
                {
                    foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        port["protocol"] ??= "TCP";
                    }
                }
            }
        }
    }

    /// <summary><c>stringData</c> is write-only: merged into <c>data</c> as base64 on every write.</summary>
    public static void Secret(JsonObject secret)
    {
        if (string.IsNullOrEmpty((string?)secret["type"]))
        {
            secret["type"] = "Opaque";
        }
        if (secret["stringData"] is JsonObject stringData)
        {
            var data = Object(secret, "data");
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes((string?)value ?? ""));
            }

            secret.Remove("stringData");
        }
    }

    public static void CustomResourceDefinitionCleanupFinalizer(JsonObject crd)
    {
        var finalizers = Meta.Finalizers(crd);
        if (!finalizers.Contains(CustomResourceCleanupFinalizer))
        {
            finalizers.Add(CustomResourceCleanupFinalizer);
            Meta.SetFinalizers(crd, finalizers);
        }
    }

    public const string CustomResourceCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    private static JsonObject Object(JsonObject parent, string field)
    {
        if (parent[field] is JsonObject o)
        {
            return o;
        }

        var created = new JsonObject();
        parent[field] = created;
        return created;
    }
}
