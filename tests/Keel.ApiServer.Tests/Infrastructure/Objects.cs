using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Keel.ApiServer.Tests.Infrastructure;

/// <summary>Small builders for test objects.</summary>
public static class Objects
{
    public static V1ConfigMap ConfigMap(string name, Dictionary<string, string>? labels = null, Dictionary<string, string>? data = null) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Data = data ?? new Dictionary<string, string> { ["k"] = "v" } };

    public static V1Deployment Deployment(string name, int replicas = 1) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "nginx" }] },
            },
        },
    };

    public static V1OwnerReference OwnerOf(IKubernetesObject<V1ObjectMeta> owner, bool controller = true, bool block = true) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = controller,
        BlockOwnerDeletion = block,
    };

    public static JsonObject Widget(string name, int size = 1, string version = "v1") => new()
    {
        ["apiVersion"] = $"{TestCrds.Group}/{version}",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = size, ["color"] = "red" },
    };

    /// <summary>KubernetesClient returns custom objects as JsonElement; tests read them as nodes.</summary>
    public static JsonObject AsNode(object customObject) =>
        JsonNode.Parse(customObject is JsonElement e ? e.GetRawText() : JsonSerializer.Serialize(customObject))!.AsObject();
}
