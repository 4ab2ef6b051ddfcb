using System.Text.Json.Nodes;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Runtime.Resources;

namespace Keel.Operator.Status;

/// <summary>
/// The <c>RoutingReady</c> condition: the InferencePool, the InferenceObjective/InferenceModel and the HTTPRoute exist
/// and, where a gateway reports on them (<c>status.parents[].conditions</c>, written by the gateway, never by us), were
/// accepted. A routing kind whose CRD the cluster lacks is named with what to install.
/// </summary>
public static class RoutingReadiness
{
    public const string ReasonReady = "RoutesCreated";
    public const string ReasonNoRouting = "NoRouting";
    public const string ReasonApiNotInstalled = "ApiNotInstalled";
    public const string ReasonNotCreated = "NotCreated";
    public const string ReasonNotAccepted = "NotAccepted";

    private static readonly HashSet<ChildRole> RoutingRoles =
        [ChildRole.InferencePool, ChildRole.InferenceObjective, ChildRole.InferenceModel, ChildRole.HttpRoute];

    public static void Write(ConditionList conditions, ChildSyncResult sync)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(sync);
        var routing = sync.States.Where(s => RoutingRoles.Contains(s.Child.Role)).ToList();
        var missingApis = routing.Where(s => !s.Kind.IsServed).Select(s => s.Kind).Distinct().ToList();
        if (routing.Count == 0)
        {
            conditions.Set(ModelServiceConditions.RoutingReady, true, ReasonNoRouting,
                "the preset defines no InferencePool or HTTPRoute: the model is reachable through its Services only");
            return;
        }

        if (missingApis.Count > 0)
        {
            conditions.Set(ModelServiceConditions.RoutingReady, false, ReasonApiNotInstalled, MissingApisMessage(missingApis));
            return;
        }

        if (routing.FirstOrDefault(s => !s.Exists) is { } absent)
        {
            conditions.Set(ModelServiceConditions.RoutingReady, false, ReasonNotCreated, $"{absent.Child.Kind} {absent.Child.Name} does not exist yet");
            return;
        }

        var accepted = new List<string>();
        foreach (var state in routing)
        {
            foreach (var (parent, condition) in ParentConditions(state))
            {
                if (condition["type"]?.GetValue<string>() != "Accepted")
                {
                    continue;
                }

                if (condition["status"]?.GetValue<string>() == "False")
                {
                    conditions.Set(ModelServiceConditions.RoutingReady, false, ReasonNotAccepted,
                        $"{state.Child.Kind} {state.Child.Name} was not accepted by {parent}: {condition["reason"]?.GetValue<string>()}: {condition["message"]?.GetValue<string>()}");
                    return;
                }

                accepted.Add($"{state.Child.Kind} by {parent}");
            }
        }

        var names = string.Join(", ", routing.Select(s => $"{s.Child.Kind} {s.Child.Name}"));
        conditions.Set(ModelServiceConditions.RoutingReady, true, ReasonReady,
            accepted.Count == 0 ? $"{names} exist" : $"{names} exist; accepted: {string.Join(", ", accepted.Distinct(StringComparer.Ordinal))}");
    }

    /// <summary>What to install for kinds the cluster does not serve.</summary>
    public static string MissingApisMessage(IReadOnlyList<ChildKind> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var kinds = string.Join(", ", missing.Select(k => k.DisplayName));
        var install = missing.Any(k => k.Resource.Kind == "HTTPRoute") ? "the Gateway API and Gateway API Inference Extension CRDs" : "the Gateway API Inference Extension CRDs";
        return $"the cluster does not serve {kinds}: install {install} (or run the operator with the --pool-api the cluster has); "
            + "the operator notices the CRDs within its discovery interval and creates these children without a restart";
    }

    private static IEnumerable<(string Parent, JsonObject Condition)> ParentConditions(ChildState state)
    {
        if (state.Live is null || KubernetesSerializer.ToNode(state.Live)["status"] is not JsonObject status)
        {
            yield break;
        }

        // v1 pools and HTTPRoutes report status.parents; legacy v1alpha2 pools status.parent.
        var parents = (status["parents"] ?? status["parent"]) as JsonArray ?? [];
        foreach (var parent in parents.OfType<JsonObject>())
        {
            var reference = parent["parentRef"] as JsonObject;
            var name = $"{reference?["kind"]?.GetValue<string>() ?? "Gateway"} {reference?["name"]?.GetValue<string>()}";
            foreach (var condition in (parent["conditions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return (name, condition);
            }
        }
    }
}
