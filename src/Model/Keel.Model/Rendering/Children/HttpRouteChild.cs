using System.Globalization;
using Keel.Model.Api;
using Keel.Model.Merging;
using Keel.Model.Upstream.Gateway.V1;

namespace Keel.Model.Rendering;

/// <summary>
/// The HTTPRoute (spec 5.3): the preset's route with name, namespace and labels forced, routing.gatewayRefs merged into
/// its parentRefs (keyed by group, kind, namespace, name and sectionName — fix: the original keyed on name alone),
/// and a backendRef to the InferencePool when the route has none.
/// </summary>
internal static class HttpRouteChild
{
    public const string GatewayGroup = "gateway.networking.k8s.io";
    public const string GatewayKind = "Gateway";
    public const string PoolKind = "InferencePool";

    public static ChildDraft Build(RenderContext context)
    {
        var recorder = context.NewRecorder();
        var overlay = new HTTPRoute { Metadata = context.ForcedMetadata(context.Names.HttpRoute) };
        var route = OperatorOverlay.Merge(recorder, context.Preset.HttpRoute ?? new HTTPRoute(), overlay, HTTPRoute.KubeGroup + "/" + HTTPRoute.KubeApiVersion, HTTPRoute.KubeKind);
        route.Spec ??= new HTTPRouteSpec();

        MergeGatewayRefs(context, route.Spec, recorder);
        EnsurePoolBackend(context, route.Spec, recorder);
        return new ChildDraft(ChildRole.HttpRoute, route, route.Metadata!, route.ApiVersion!, route.Kind!, recorder);
    }

    private static void MergeGatewayRefs(RenderContext context, HTTPRouteSpec spec, ProvenanceRecorder recorder)
    {
        var gatewayRefs = context.Spec.Routing?.GatewayRefs ?? [];
        var parents = spec.ParentRefs is null ? new List<ParentReference>() : [.. spec.ParentRefs];
        foreach (var gateway in gatewayRefs)
        {
            if (gateway is null)
            {
                continue;
            }

            var index = parents.FindIndex(p => p is not null && SameParent(context, p.Group, p.Kind, p.Namespace, p.Name, p.SectionName, gateway));
            if (index < 0)
            {
                parents.Add(new ParentReference
                {
                    Group = gateway.Group,
                    Kind = gateway.Kind,
                    Namespace = gateway.Namespace,
                    Name = gateway.Name,
                    SectionName = gateway.SectionName,
                    Port = gateway.Port,
                });
                index = parents.Count - 1;
            }
            else
            {
                // The same parent: the ModelService's fields win where it sets them (the port).
                var existing = ObjectMerger.Clone(parents[index])!;
                existing.Group = gateway.Group ?? existing.Group;
                existing.Kind = gateway.Kind ?? existing.Kind;
                existing.Namespace = gateway.Namespace ?? existing.Namespace;
                existing.SectionName = gateway.SectionName ?? existing.SectionName;
                existing.Port = gateway.Port ?? existing.Port;
                parents[index] = existing;
            }

            recorder.Wrote("spec.parentRefs[" + index.ToString(CultureInfo.InvariantCulture) + "]", OperatorRules.GatewayRefs);
        }

        spec.ParentRefs = parents.Count == 0 ? spec.ParentRefs : parents;
        if (parents.Count == 0)
        {
            context.Diagnostics.Warning(
                RenderReasons.DanglingReference,
                $"the HTTPRoute {context.Names.HttpRoute} attaches to no Gateway: set spec.routing.gatewayRefs or parentRefs in the preset's httpRoute",
                "spec.routing.gatewayRefs");
        }
    }

    /// <summary>Gateway API identity of a parent: group, kind, namespace (the route's when unset), name and sectionName, with the defaults applied.</summary>
    private static bool SameParent(RenderContext context, string? group, string? kind, string? ns, string? name, string? section, GatewayReference gateway) =>
        string.Equals(group ?? GatewayGroup, gateway.Group ?? GatewayGroup, StringComparison.Ordinal)
        && string.Equals(kind ?? GatewayKind, gateway.Kind ?? GatewayKind, StringComparison.Ordinal)
        && string.Equals(ns ?? context.Namespace, gateway.Namespace ?? context.Namespace, StringComparison.Ordinal)
        && string.Equals(name, gateway.Name, StringComparison.Ordinal)
        && string.Equals(section ?? string.Empty, gateway.SectionName ?? string.Empty, StringComparison.Ordinal);

    private static void EnsurePoolBackend(RenderContext context, HTTPRouteSpec spec, ProvenanceRecorder recorder)
    {
        var poolName = context.Names.InferencePool;
        var group = InferenceChildren.PoolGroupFor(context.Settings.PoolApi);
        var rules = spec.Rules ?? [];
        var found = false;
        for (var r = 0; r < rules.Count; r++)
        {
            var backends = rules[r]?.BackendRefs;
            for (var b = 0; b < (backends?.Count ?? 0); b++)
            {
                var backend = backends![b];
                if (!IsPoolRef(backend, poolName))
                {
                    continue;
                }

                found = true;
                if (!string.Equals(backend.Group, group, StringComparison.Ordinal))
                {
                    // The operator writes the pool in one API; the route must point at that one.
                    context.Diagnostics.Warning(
                        RenderReasons.LegacyApiConverted,
                        $"the preset's httpRoute points at the InferencePool with group {backend.Group ?? "(none)"}; it now uses {group}, the pool API the operator writes",
                        "preset:httpRoute.spec.rules");
                    backend.Group = group;
                    recorder.Wrote(Path(r, b) + ".group", OperatorRules.PoolBackend);
                }
            }
        }

        if (found)
        {
            return;
        }

        if (!context.Preset.HasInferencePool)
        {
            if (!rules.Any(r => r?.BackendRefs is { Count: > 0 }))
            {
                context.Diagnostics.Warning(
                    RenderReasons.DanglingReference,
                    $"the HTTPRoute {context.Names.HttpRoute} has no backend: the preset has no inferencePool to route to and its httpRoute names no backendRefs",
                    "preset:httpRoute");
            }

            return;
        }

        // Fill every rule that has no backend (and is not a redirect), or add a rule of its own.
        var filled = false;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule is null || rule.BackendRefs is { Count: > 0 } || rule.Filters?.Any(f => f?.RequestRedirect is not null) == true)
            {
                continue;
            }

            rule.BackendRefs = [PoolRef(group, poolName)];
            recorder.Wrote("spec.rules[" + r.ToString(CultureInfo.InvariantCulture) + "].backendRefs", OperatorRules.PoolBackend);
            filled = true;
        }

        if (!filled)
        {
            var list = spec.Rules is null ? new List<HTTPRouteRule>() : [.. spec.Rules];
            list.Add(new HTTPRouteRule { BackendRefs = [PoolRef(group, poolName)] });
            spec.Rules = list;
            recorder.Wrote("spec.rules[" + (list.Count - 1).ToString(CultureInfo.InvariantCulture) + "]", OperatorRules.PoolBackend);
        }
    }

    private static bool IsPoolRef(HTTPBackendRef? backend, string poolName) =>
        backend is not null
        && string.Equals(backend.Kind, PoolKind, StringComparison.Ordinal)
        && string.Equals(backend.Name, poolName, StringComparison.Ordinal)
        && (backend.Group is InferenceChildren.PoolGroup or InferenceChildren.LegacyPoolGroup);

    private static HTTPBackendRef PoolRef(string group, string poolName) => new() { Group = group, Kind = PoolKind, Name = poolName };

    private static string Path(int rule, int backend) =>
        "spec.rules[" + rule.ToString(CultureInfo.InvariantCulture) + "].backendRefs[" + backend.ToString(CultureInfo.InvariantCulture) + "]";
}
