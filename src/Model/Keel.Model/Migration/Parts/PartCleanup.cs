using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Presets;
using Keel.Model.Rendering;

namespace Keel.Model.Migration.Parts;

/// <summary>
/// Removes from a part what the render drops when it reads the ConfigMap value — fields the kind does not have,
/// status, server-set metadata — with the render's own <see cref="PartNormalizer"/>, so the typed part holds exactly
/// what the ConfigMap form used. Returns what was removed, with its value, for the record the output keeps.
/// </summary>
internal static class PartCleanup
{
    private static readonly HashSet<string> ServerSet = new(StringComparer.Ordinal)
    {
        "status", "metadata.uid", "metadata.resourceVersion", "metadata.generation", "metadata.creationTimestamp",
        "metadata.deletionTimestamp", "metadata.deletionGracePeriodSeconds", "metadata.managedFields", "metadata.selfLink",
        "metadata.ownerReferences", "metadata.finalizers", "metadata.generateName",
    };

    /// <summary>Normalizes <paramref name="root"/> in place (read as <paramref name="type"/>, or a list of ConfigMaps).</summary>
    public static IReadOnlyList<DroppedField> Normalize(PresetPart part, JsonNode root, Type type, PartLocation location, List<RenderDiagnostic> diagnostics)
    {
        var before = root.DeepClone();
        var normalizer = new PartNormalizer(location, render: null, diagnostics);
        if (part == PresetPart.ConfigMaps && root is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item)
                {
                    normalizer.NormalizeObject(item, typeof(V1ConfigMap), PartLocation.Index("$", i));
                }
            }
        }
        else
        {
            normalizer.NormalizeObject(root, type);
        }

        var dropped = new List<DroppedField>();
        Removed(before, root, string.Empty, location.Key, dropped);
        return dropped;
    }

    // Properties of before that after no longer has; the normalizer only removes properties, so lists line up.
    private static void Removed(JsonNode? before, JsonNode? after, string path, string key, List<DroppedField> dropped)
    {
        switch (before)
        {
            case JsonObject b when after is JsonObject a:
                foreach (var (name, value) in b)
                {
                    var childPath = path.Length == 0 ? Display(name) : path + (Display(name).StartsWith('[') ? string.Empty : ".") + Display(name);
                    if (!a.ContainsKey(name))
                    {
                        var relative = RelativeToObject(childPath);
                        dropped.Add(new DroppedField(key, childPath, value?.DeepClone(), ServerSet.Contains(relative)
                            ? "set by the server or the operator, never by a preset; the ConfigMap form ignored it too"
                            : "unknown field of the part's kind; the ConfigMap form dropped it too"));
                    }
                    else
                    {
                        Removed(value, a[name], childPath, key, dropped);
                    }
                }

                break;
            case JsonArray b when after is JsonArray a:
                for (var i = 0; i < b.Count && i < a.Count; i++)
                {
                    Removed(b[i], a[i], path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", key, dropped);
                }

                break;
        }
    }

    private static string Display(string name) => PartLocation.Display(PartLocation.Property("$", name));

    // "[0].metadata.uid" (an item of configMaps) → "metadata.uid".
    private static string RelativeToObject(string path)
    {
        if (path.StartsWith('['))
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            path = close + 2 <= path.Length ? path[(close + 1)..].TrimStart('.') : path;
        }

        return path;
    }
}
