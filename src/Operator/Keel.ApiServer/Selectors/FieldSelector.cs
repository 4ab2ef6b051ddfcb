using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Http;

namespace Keel.ApiServer.Selectors;

/// <summary>
/// A parsed field selector (<c>metadata.name=x,status.phase!=Running</c>). Only the fields a kind
/// declares selectable may be used; others are rejected the way the real server rejects them.
/// </summary>
public sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => Terms = terms;

    public IReadOnlyList<(string Field, bool Equal, string Value)> Terms { get; }

    public bool IsEverything => Terms.Count == 0;

    /// <summary>The exact name this selector pins, if any (lets a single-object watch or list skip a scan).</summary>
    public string? RequiredName => Terms.FirstOrDefault(t => t.Field == "metadata.name" && t.Equal).Value;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var term in SplitUnescaped(text, ','))
        {
            var trimmed = term.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            string op;
            int index;
            if ((index = IndexOfUnescaped(trimmed, "!=")) >= 0)
            {
                op = "!=";
            }
            else if ((index = IndexOfUnescaped(trimmed, "==")) >= 0)
            {
                op = "==";
            }
            else if ((index = IndexOfUnescaped(trimmed, "=")) >= 0)
            {
                op = "=";
            }
            else
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{trimmed}'");
            }

            terms.Add((trimmed[..index].Trim(), op != "!=", Unescape(trimmed[(index + op.Length)..].Trim())));
        }

        return new FieldSelector(terms);
    }

    /// <summary>Rejects fields the kind cannot be selected by (400, like the real server).</summary>
    public void CheckSupported(IEnumerable<string> selectable, string kind)
    {
        var allowed = new HashSet<string>(selectable, StringComparer.Ordinal) { "metadata.name", "metadata.namespace" };
        foreach (var (field, _, _) in Terms)
        {
            if (!allowed.Contains(field))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }
        }
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (field, equal, value) in Terms)
        {
            var actual = Resolve(obj, field);
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The string value of a dotted field path; missing fields read as "" as in the real server.</summary>
    public static string Resolve(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    private static IEnumerable<string> SplitUnescaped(string text, char separator)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == separator)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static int IndexOfUnescaped(string text, string op)
    {
        for (var i = 0; i <= text.Length - op.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }
}
