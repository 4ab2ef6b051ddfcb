using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>
/// Resolves simple JSONPath expressions (<c>.spec.x</c>, <c>.status.conditions[?(@.type=="Ready")].status</c>,
/// <c>.a[0].b</c>, <c>.a[*].b</c>) against the resolved types, as printer columns and the scale subresource use them.
/// </summary>
internal static class JsonPathResolver
{
    /// <summary>Null when the path resolves (then <paramref name="leaf"/> is its value), else why it does not.</summary>
    public static string? Resolve(string path, ResolvedType root, IReadOnlyDictionary<string, ResolvedType> types, out ValueShape? leaf)
    {
        leaf = null;
        if (!path.StartsWith(".", System.StringComparison.Ordinal))
        {
            return "a path starts with '.'";
        }

        var segments = Split(path);
        if (segments is null)
        {
            return "unbalanced brackets";
        }

        ResolvedType? current = root;
        ValueShape? value = null;
        foreach (var segment in segments)
        {
            if (segment.StartsWith("[", System.StringComparison.Ordinal))
            {
                if (value is null || value.Kind != ValueKind.List || value.Element is null)
                {
                    return $"'{segment}' selects items of a field that is not a list";
                }

                value = value.Element;
                current = value.Kind == ValueKind.Object && value.TypeKey is not null && types.TryGetValue(value.TypeKey, out var itemType) ? itemType : null;
                continue;
            }

            if (value is { Kind: ValueKind.Map })
            {
                value = value.Element; // a key of a map
                current = value?.Kind == ValueKind.Object && value.TypeKey is not null && types.TryGetValue(value.TypeKey, out var mapValue) ? mapValue : null;
                continue;
            }

            if (value is { Kind: ValueKind.FreeForm })
            {
                leaf = value;
                return null; // anything below free-form JSON may exist
            }

            if (current is null)
            {
                return $"'{segment}' is below a value that has no fields";
            }

            var property = current.Properties.FirstOrDefault(p => p.JsonName == segment);
            if (property is null)
            {
                return $"'{current.Shape.Name}' has no field '{segment}'";
            }

            value = property.Value;
            current = value.Kind == ValueKind.Object && value.TypeKey is not null && types.TryGetValue(value.TypeKey, out var next) ? next : null;
        }

        leaf = value;
        return null;
    }

    private static List<string>? Split(string path)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                var depth = 0;
                var start = i;
                for (; i < path.Length; i++)
                {
                    depth += path[i] == '[' ? 1 : path[i] == ']' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                if (depth != 0)
                {
                    return null;
                }

                segments.Add(path.Substring(start, i - start + 1));
                i++;
                continue;
            }

            var begin = i;
            while (i < path.Length && path[i] != '.' && path[i] != '[')
            {
                i++;
            }

            segments.Add(path.Substring(begin, i - begin));
        }

        return segments;
    }
}
