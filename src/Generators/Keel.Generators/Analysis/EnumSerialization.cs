using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>
/// Schemas describe enums as strings (member names), as Kubernetes APIs write them; System.Text.Json writes enums as
/// numbers unless told otherwise. An enum property of our types must be written as a string by a converter on the
/// property or the enum type, or by a source-generation context with <c>UseStringEnumConverter = true</c> that serializes
/// the custom resource (or the owning type); otherwise the API server would reject what the serializer writes.
/// </summary>
internal static class EnumSerialization
{
    public static void Check(
        IEnumerable<ResolvedType> ownTypes,
        ImmutableArray<ResourceParse> resources,
        ImmutableArray<JsonContextInfo> contexts,
        List<DiagnosticInfo> diagnostics)
    {
        var covered = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var key in contexts.SelectMany(c => c.Serializable))
        {
            covered.Add(key);
            foreach (var resource in resources.Where(r => r.Resource.RootKey == key))
            {
                covered.UnionWith(resource.Types.Select(t => t.Key));
            }
        }

        foreach (var type in ownTypes.Where(t => !covered.Contains(t.Key)))
        {
            foreach (var property in type.Properties.Where(p => HoldsEnum(p.Value) && !p.Annotations.StringEnumConverter))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.EnumWrittenAsNumber, property.Shape.Location, type.Shape.Name + "." + property.Name, EnumName(property.Value)));
            }
        }
    }

    private static bool HoldsEnum(ValueShape value) => value.Kind == ValueKind.Enum || (value.Element is { } element && HoldsEnum(element));

    private static string EnumName(ValueShape value) =>
        value.Kind == ValueKind.Enum ? (value.TypeKey ?? value.TypeName) : EnumName(value.Element!);
}
