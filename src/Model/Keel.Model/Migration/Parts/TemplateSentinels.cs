using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.Model.Migration.Parts;

/// <summary>
/// Lets typed code handle a part whose integer fields hold template strings: each template string where the type
/// wants a number becomes a unique sentinel number, the JSON goes through the typed reader (and a conversion, such as
/// <see cref="Presets.LegacyApiConversion.ToV1"/>), and the sentinels found in the result become the template strings
/// again. So the legacy upgrades the render performs on typed objects also upgrade template text, with no second
/// version of their mapping.
/// </summary>
internal sealed class TemplateSentinels
{
    // Far above any port or count a preset writes, below int.MaxValue so int fields hold them.
    private const long First = 2_000_000_000;

    private readonly Dictionary<long, string> templates = [];

    private TemplateSentinels()
    {
    }

    /// <summary>Template strings that stood where the type wants true or false: no sentinel can carry them.</summary>
    public IReadOnlyList<string> BooleanPaths => booleanPaths;

    private readonly List<string> booleanPaths = [];

    /// <summary>
    /// Replaces, in <paramref name="node"/> (owned by the caller), every string holding <c>{{</c> at a position of
    /// <paramref name="type"/> that wants a number by a sentinel, and at a position that wants a boolean by true.
    /// </summary>
    public static TemplateSentinels Apply(JsonNode node, Type type)
    {
        var sentinels = new TemplateSentinels();
        var used = new HashSet<long>();
        CollectNumbers(node, used);
        var next = First;
        PartLeaves.Visit(node, type, (value, kind, path) =>
        {
            var text = value.GetValue<string>();
            if (!text.Contains("{{", StringComparison.Ordinal))
            {
                return value;
            }

            switch (kind)
            {
                case FieldKind.Integer or FieldKind.Number:
                    while (used.Contains(next))
                    {
                        next++;
                    }

                    sentinels.templates[next] = text;
                    return JsonValue.Create(next++);
                case FieldKind.Boolean:
                    sentinels.booleanPaths.Add(path);
                    return JsonValue.Create(true);
                default:
                    return value;
            }
        });
        return sentinels;
    }

    /// <summary>Puts the template strings back where their sentinels ended up; returns the templates that did not come back.</summary>
    public IReadOnlyList<string> Restore(JsonNode? node)
    {
        var restored = new HashSet<long>();
        Restore(node, restored);
        return [.. templates.Where(t => !restored.Contains(t.Key)).Select(t => t.Value)];
    }

    private void Restore(JsonNode? node, HashSet<long> restored)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (Sentinel(value) is { } template)
                    {
                        obj[name] = JsonValue.Create(template.Text);
                        restored.Add(template.Value);
                    }
                    else
                    {
                        Restore(value, restored);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Sentinel(array[i]) is { } template)
                    {
                        array[i] = JsonValue.Create(template.Text);
                        restored.Add(template.Value);
                    }
                    else
                    {
                        Restore(array[i], restored);
                    }
                }

                break;
        }
    }

    private (long Value, string Text)? Sentinel(JsonNode? node) =>
        AsLong(node) is { } number && templates.TryGetValue(number, out var text)
            ? (number, text)
            : null;

    private static void CollectNumbers(JsonNode? node, HashSet<long> numbers)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    CollectNumbers(value, numbers);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectNumbers(item, numbers);
                }

                break;
            case JsonValue when AsLong(node) is { } number:
                numbers.Add(number);
                break;
        }
    }

    // Whatever backs the value (a parsed element, a boxed int), its JSON text says whether it is an integer.
    private static long? AsLong(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
