using k8s.Models;

namespace Keel.Model.Authoring.Shapes;

/// <summary>Deployments and Services as preset parts: only the pod template and ports, the operator sets the rest.</summary>
public static class Workloads
{
    /// <summary>An apps/v1 Deployment part whose pod runs <paramref name="containers"/>.</summary>
    public static V1Deployment Deployment(params V1Container[] containers) => Deployment(containers, initContainers: null);

    /// <summary>An apps/v1 Deployment part with init containers (native sidecars are init containers with restartPolicy Always).</summary>
    public static V1Deployment Deployment(IEnumerable<V1Container> containers, IEnumerable<V1Container>? initContainers, IEnumerable<V1Volume>? volumes = null)
    {
        ArgumentNullException.ThrowIfNull(containers);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Spec = new V1DeploymentSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        InitContainers = initContainers?.ToList() is { Count: > 0 } init ? init : null,
                        Containers = containers.ToList(),
                        Volumes = volumes?.ToList() is { Count: > 0 } list ? list : null,
                    },
                },
            },
        };
    }

    /// <summary>A v1 Service part of type ClusterIP with <paramref name="ports"/> (the operator sets its selector).</summary>
    public static V1Service ClusterIpService(params V1ServicePort[] ports) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Spec = new V1ServiceSpec { Type = "ClusterIP", Ports = ports.ToList() },
    };

    /// <summary>
    /// A TCP Service port: <c>{name, port, targetPort, protocol: TCP}</c>. <paramref name="port"/> may be a template
    /// (<c>Template.Port("http")</c>); <paramref name="targetPort"/> defaults to the container port's name.
    /// </summary>
    public static V1ServicePort ServicePort(string name, int port, IntOrString? targetPort = null, string? appProtocol = null) => new()
    {
        Name = name,
        Port = port,
        TargetPort = targetPort ?? name,
        Protocol = "TCP",
        AppProtocol = appProtocol,
    };

    /// <summary>A TCP container port; <paramref name="port"/> may be a template.</summary>
    public static V1ContainerPort ContainerPort(int port, string? name = null) => new() { Name = name, ContainerPort = port, Protocol = "TCP" };

    /// <summary>An env var from the downward API (<c>metadata.namespace</c>, <c>status.podIP</c>...).</summary>
    public static V1EnvVar FieldEnv(string name, string fieldPath) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } } };
}
