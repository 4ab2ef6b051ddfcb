using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using Keel.Model.Api;
using Keel.Operator;
using Keel.Operator.Children;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;
using InferenceObjective = Keel.Model.Upstream.Llmd.V1Alpha2.InferenceObjective;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;

namespace Keel.Cli.Commands;

/// <summary>
/// What <c>run --embedded</c> prints once the samples are reconciled: a table of the ModelServices (as
/// <c>kubectl get msvc</c> would show them, plus the preset), then each one as a tree of the children it owns, with
/// the few facts a person checks first (ready replicas, ports, what the pool selects, where the route goes) and any
/// condition that is not as it should be.
/// </summary>
internal static class RunSummary
{
    public static string Render(IReadOnlyList<ModelService> modelServices, ChildKindCatalog kinds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"ModelServices ({modelServices.Count}):");
        text.AppendLine();
        var rows = new List<string[]> { new[] { "NAMESPACE", "NAME", "READY", "PREFILL", "DECODE", "EPP", "PRESET", "MODEL" } };
        rows.AddRange(modelServices.Select(ms => new[]
        {
            ms.Metadata.NamespaceProperty,
            ms.Metadata.Name,
            Condition(ms, ModelServiceConditions.Ready)?.Status ?? "-",
            ms.Status?.PrefillReady ?? "-",
            ms.Status?.DecodeReady ?? "-",
            ms.Status?.EppReady ?? "-",
            ms.Status?.AppliedConfigs?.FirstOrDefault() is { } preset ? $"{preset.Kind} {preset.Name}" : "-",
            ms.Spec.Routing?.ModelName ?? "-",
        }));
        AppendTable(text, rows);

        foreach (var ms in modelServices)
        {
            text.AppendLine();
            AppendTree(text, ms, kinds);
        }

        return text.ToString();
    }

    private static void AppendTree(StringBuilder text, ModelService ms, ChildKindCatalog kinds)
    {
        var ready = Condition(ms, ModelServiceConditions.Ready);
        text.AppendLine(CultureInfo.InvariantCulture, $"{ms.Metadata.NamespaceProperty}/{ms.Metadata.Name}  {(ready?.Status == "True" ? "Ready" : $"NOT READY ({ready?.Reason ?? "not reconciled yet"})")}: {ready?.Message}");
        var children = kinds.All
            .SelectMany(k => string.IsNullOrEmpty(ms.Metadata.Uid) ? [] : k.ControlledBy(ms.Metadata.Uid))
            .ToList();
        var lines = children.Select(c => (Kind: c.Kind ?? "?", c.Metadata.Name, Detail: Detail(c))).ToList();
        var kindWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Kind.Length);
        var nameWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Name.Length);
        var notes = Notes(ms).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var last = i == lines.Count - 1 && notes.Count == 0;
            var (kind, name, detail) = lines[i];
            var line = $"  {(last ? "└─" : "├─")} {kind.PadRight(kindWidth)}  {name.PadRight(nameWidth)}  {detail}";
            text.AppendLine(line.TrimEnd());
        }

        if (lines.Count == 0)
        {
            text.AppendLine(notes.Count == 0 ? "  └─ (no children)" : "  ├─ (no children)");
        }

        for (var i = 0; i < notes.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(i == notes.Count - 1 ? "└─" : "├─")} ! {notes[i]}");
        }
    }

    /// <summary>Conditions that deserve a person's eye: a part that is not True, or a warning that is.</summary>
    private static IEnumerable<string> Notes(ModelService ms)
    {
        foreach (var condition in ms.Status?.Conditions ?? [])
        {
            var warning = condition.Type is ModelServiceConditions.DeprecatedPreset or ModelServiceConditions.ModelNameConflict;
            var part = condition.Type is ModelServiceConditions.PresetsResolved or ModelServiceConditions.Rendered
                or ModelServiceConditions.WorkloadsReady or ModelServiceConditions.RoutingReady;
            if ((warning && condition.Status == "True") || (part && condition.Status != "True")
                || (condition.Type == ModelServiceConditions.Rendered && condition.Reason == "RenderedWithWarnings"))
            {
                yield return $"{condition.Type} ({condition.Reason}): {condition.Message}";
            }
        }
    }

    private static string Detail(IKubernetesObject<V1ObjectMeta> child) => child switch
    {
        V1Deployment d => $"{d.Status?.ReadyReplicas ?? 0}/{d.Spec?.Replicas ?? 1} ready  {string.Join(", ", d.Spec?.Template?.Spec?.Containers?.Select(c => c.Image) ?? [])}",
        V1Service s => $"{s.Spec?.Type} {s.Spec?.ClusterIP}  ports {string.Join(", ", s.Spec?.Ports?.Select(p => $"{p.Port}/{p.Protocol ?? "TCP"}") ?? [])}",
        V1RoleBinding rb => $"{rb.RoleRef?.Kind} {rb.RoleRef?.Name} → {string.Join(", ", rb.Subjects?.Select(s => $"{s.Kind} {s.Name}") ?? [])}",
        V1ServiceAccount sa => sa.ImagePullSecrets is { Count: > 0 } secrets ? $"pull secrets {string.Join(", ", secrets.Select(s => s.Name))}" : string.Empty,
        V1ConfigMap cm => $"keys {string.Join(", ", cm.Data?.Keys ?? [])}",
        InferencePool pool => $"{pool.ApiVersion}  target ports {string.Join(", ", pool.Spec?.TargetPorts?.Select(p => p.Number) ?? [])}  picker {pool.Spec?.EndpointPickerRef?.Name}:{pool.Spec?.EndpointPickerRef?.Port?.Number}",
        InferenceObjective objective => $"priority {objective.Spec?.Priority ?? 0}  pool {objective.Spec?.PoolRef?.Name}",
        HttpRoute route => $"parents {string.Join(", ", route.Spec?.ParentRefs?.Select(p => (p.Namespace is null ? "" : p.Namespace + "/") + p.Name) ?? [])}",
        _ => child.ApiVersion ?? string.Empty,
    };

    private static V1Condition? Condition(ModelService ms, string type) => ms.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
