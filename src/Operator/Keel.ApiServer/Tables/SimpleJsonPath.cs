using System.Text;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Tables;

/// <summary>
/// The JSONPath subset CRD printer columns use: fields (<c>.status.phase</c>, escaped dots
/// <c>.metadata.labels.app\.kubernetes\.io/name</c>, <c>['a.b']</c>), indexes (<c>[0]</c>, <c>[-1]</c>),
/// wildcards (<c>[*]</c>) and equality filters (<c>[?(@.type=="Ready")]</c>).
/// </summary>
public sealed class SimpleJsonPath
{
    private readonly IReadOnlyList<Step> _steps;

    private SimpleJsonPath(string text, IReadOnlyList<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public static SimpleJsonPath Parse(string text)
    {
        var path = text.Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1];
        }

        if (path.StartsWith('$'))
        {
            path = path[1..];
        }

        var steps = new List<Step>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                var name = new StringBuilder();
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    if (path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    name.Append(path[i]);
                    i++;
                }

                if (name.Length > 0)
                {
                    steps.Add(new Step(StepKind.Field, name.ToString(), 0, null, null, true));
                }
            }
            else if (path[i] == '[')
            {
                var close = FindClose(path, i);
                var inner = path[(i + 1)..close].Trim();
                i = close + 1;
                if (inner == "*")
                {
                    steps.Add(new Step(StepKind.Wildcard, "", 0, null, null, true));
                }
                else if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
                {
                    steps.Add(ParseFilter(inner[2..^1]));
                }
                else if (inner.Length >= 2 && inner[0] is '\'' or '"')
                {
                    steps.Add(new Step(StepKind.Field, inner[1..^1], 0, null, null, true));
                }
                else if (int.TryParse(inner, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(new Step(StepKind.Index, "", index, null, null, true));
                }
                else
                {
                    throw new FormatException($"unsupported JSONPath segment [{inner}] in {text}");
                }
            }
            else
            {
                throw new FormatException($"unexpected '{path[i]}' at {i} in JSONPath {text}");
            }
        }

        return new SimpleJsonPath(text, steps);
    }

    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in _steps)
        {
            current = current.SelectMany(node => Apply(step, node)).ToList();
        }

        return current.Where(n => n is not null).ToList();
    }

    private static IEnumerable<JsonNode?> Apply(Step step, JsonNode? node)
    {
        switch (step.Kind)
        {
            case StepKind.Field when node is JsonObject o && o.TryGetPropertyValue(step.Name, out var child):
                yield return child;
                break;
            case StepKind.Index when node is JsonArray a:
                var index = step.Index < 0 ? a.Count + step.Index : step.Index;
                if (index >= 0 && index < a.Count)
                {
                    yield return a[index];
                }

                break;
            case StepKind.Wildcard when node is JsonArray a:
                foreach (var item in a)
                {
                    yield return item;
                }

                break;
            case StepKind.Wildcard when node is JsonObject o:
                foreach (var (_, value) in o)
                {
                    yield return value;
                }

                break;
            case StepKind.Filter when node is JsonArray a:
                foreach (var item in a)
                {
                    var value = step.FilterPath!.Evaluate(item).FirstOrDefault();
                    var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
                    if ((text == step.FilterValue) == step.FilterEquals)
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    private static Step ParseFilter(string expression)
    {
        var equals = !expression.Contains("!=", StringComparison.Ordinal);
        var op = equals ? "==" : "!=";
        var parts = expression.Split(op, 2);
        if (parts.Length != 2 || !parts[0].Trim().StartsWith('@'))
        {
            throw new FormatException($"unsupported JSONPath filter ?({expression})");
        }

        var left = Parse(parts[0].Trim()[1..]);
        var right = parts[1].Trim().Trim('"', '\'');
        return new Step(StepKind.Filter, "", 0, left, right, equals);
    }

    private static int FindClose(string path, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unclosed '[' in JSONPath {path}");
    }

    private enum StepKind
    {
        Field,
        Index,
        Wildcard,
        Filter,
    }

    private sealed record Step(StepKind Kind, string Name, int Index, SimpleJsonPath? FilterPath, string? FilterValue, bool FilterEquals);
}
