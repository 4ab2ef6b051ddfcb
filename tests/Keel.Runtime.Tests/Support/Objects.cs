using k8s.Models;

namespace Keel.Runtime.Tests.Support;

internal static class Objects
{
    public static V1ConfigMap ConfigMap(string name, string ns = "default", IDictionary<string, string>? data = null, IDictionary<string, string>? labels = null)
        => new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels, Uid = Guid.NewGuid().ToString() },
            Data = data ?? new Dictionary<string, string>(),
        };

    public static V1OwnerReference ControllerRef(string kind, string name, string uid, string apiVersion = "v1")
        => new() { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = true };
}
