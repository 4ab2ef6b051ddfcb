using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// Checks that an applied configuration can be merged, as the API server does when it converts the
/// apply patch to a typed value: every field is declared by the schema (or sits where unknown fields are
/// preserved), containers have the shape the schema expects, keyed-list items carry their keys and no
/// key or set value repeats. Returns the errors as the server prints them (<c>.spec.foo: field not declared in schema</c>).
/// </summary>
internal static class AppliedConfigValidator
{
    public static IReadOnlyList<string> Validate(JsonObject config, TypeNode type)
    {
        var errors = new List<string>();
        Walk(config, type, FieldPath.Root, errors);
        return errors;
    }

    private static void Walk(JsonNode? value, TypeNode type, FieldPath path, List<string> errors)
    {
        switch (type.ShapeOf(value))
        {
            case ValueShape.Mismatch:
                var expected = type.Map is not null ? "map" : type.List is not null ? "list" : "scalar";
                errors.Add($"{Where(path)}expected {expected}, got {GoJson.Display(value)}");
                return;
            case ValueShape.Map when value is JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Append(PathElement.Field(name));
                    var childType = type.Map!.TypeOf(name);
                    if (childType is null)
                    {
                        errors.Add($"{Where(childPath)}field not declared in schema");
                        continue;
                    }
                    Walk(child, childType, childPath, errors);
                }
                return;
            case ValueShape.List when value is JsonArray items && type.List!.Type != ListType.Atomic:
                var seen = new HashSet<PathElement>();
                for (var i = 0; i < items.Count; i++)
                {
                    var element = ListItems.ElementOf(type.List!, items[i], out var error);
                    if (element is null)
                    {
                        errors.Add($"{Where(path)}element {i}: {error}");
                        continue;
                    }
                    if (!seen.Add(element))
                    {
                        errors.Add($"{Where(path)}duplicate entries for key {element}");
                        continue;
                    }
                    Walk(items[i], type.List!.Element, path.Append(element), errors);
                }
                return;
            case ValueShape.List when value is JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], type.List!.Element, path.Append(PathElement.AtIndex(i)), errors);
                }
                return;
            default:
                return;
        }
    }

    private static string Where(FieldPath path) => path.Elements.IsEmpty ? "" : path + ": ";
}
