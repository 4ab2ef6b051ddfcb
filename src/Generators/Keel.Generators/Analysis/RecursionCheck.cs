using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>Finds object types that contain themselves, which a structural schema cannot express.</summary>
internal static class RecursionCheck
{
    public static void Check(IEnumerable<ResolvedType> roots, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var root in roots)
        {
            Visit(root, new List<string>(), types, diagnostics, reported);
        }
    }

    private static void Visit(ResolvedType type, List<string> stack, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics, HashSet<string> reported)
    {
        if (stack.Contains(type.Key))
        {
            return;
        }

        stack.Add(type.Key);
        foreach (var property in type.Properties.Where(p => p.Kind != FieldKind.FreeForm))
        {
            var target = ObjectKey(property.Value);
            if (target is null || !types.TryGetValue(target, out var next))
            {
                continue;
            }

            if (stack.Contains(target))
            {
                if (reported.Add(type.Key + "." + property.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RecursiveType, property.Shape.Location, next.Shape.Name, type.Shape.Name + "." + property.Name));
                }

                continue;
            }

            Visit(next, stack, types, diagnostics, reported);
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private static string? ObjectKey(ValueShape value) => value.Kind switch
    {
        ValueKind.Object => value.TypeKey,
        ValueKind.List or ValueKind.Map => value.Element is { } element ? ObjectKey(element) : null,
        _ => null,
    };
}
