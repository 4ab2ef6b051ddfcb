using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Inference.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;

namespace Keel.Model.Authoring.Shapes;

/// <summary>The Gateway API Inference Extension parts: the InferencePool v1, an InferenceObjective and the HTTPRoute to the pool.</summary>
public static class Inference
{
    /// <summary>
    /// An InferencePool v1 part targeting <paramref name="targetPort"/> (usually <c>Template.Port("app_port")</c>), with the
    /// endpoint picker's Service port and failure mode. The operator sets the selector and the endpoint picker's name.
    /// </summary>
    public static InferencePool Pool(int targetPort, int endpointPickerPort = EndpointPicker.GrpcPort, string? failureMode = "FailOpen") => new()
    {
        Spec = new InferencePoolSpec
        {
            TargetPorts = [new Port { Number = targetPort }],
            EndpointPickerRef = new EndpointPickerRef { Port = new Port { Number = endpointPickerPort }, FailureMode = failureMode },
        },
    };

    /// <summary>An InferenceObjective part: the priority of this model's requests (higher is more important).</summary>
    public static InferenceObjective Objective(int priority) => new() { Spec = new InferenceObjectiveSpec { Priority = priority } };

    /// <summary>
    /// An HTTPRoute part sending every path (<c>PathPrefix /</c>) to the ModelService's InferencePool with a request
    /// timeout. The ModelService's gatewayRefs become its parentRefs.
    /// </summary>
    public static HTTPRoute RouteToPool(string requestTimeout = "300s") => new()
    {
        Spec = new HTTPRouteSpec
        {
            Rules =
            [
                new HTTPRouteRule
                {
                    Matches = [new HTTPRouteMatch { Path = new HTTPPathMatch { Type = "PathPrefix", Value = "/" } }],
                    BackendRefs =
                    [
                        new HTTPBackendRef { Group = InferencePool.KubeGroup, Kind = InferencePool.KubeKind, Name = Template.Var(v => v.InferencePoolName) },
                    ],
                    Timeouts = new HTTPRouteTimeouts { Request = requestTimeout },
                },
            ],
        },
    };
}
