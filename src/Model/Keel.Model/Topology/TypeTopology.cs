namespace Keel.Model.Topology;

/// <summary>The fields of one object type with their topology and merge rules.</summary>
/// <param name="ClrType">The C# type.</param>
/// <param name="Fields">The fields in JSON-name order.</param>
/// <param name="OneOfGroups">The one-of groups: setting one member in the overlay clears the base's others.</param>
/// <param name="Atomic">Whether the type is an atomic struct (<c>x-kubernetes-map-type: atomic</c>).</param>
public sealed record TypeTopology(
    Type ClrType,
    IReadOnlyList<FieldTopology> Fields,
    IReadOnlyList<OneOfGroup> OneOfGroups,
    bool Atomic)
{
    /// <summary>The field with JSON name <paramref name="jsonName"/>, or null.</summary>
    public FieldTopology? Field(string jsonName)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.JsonName, jsonName, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}

/// <summary>A one-of group: setting one member in the overlay clears the base's other members.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Members">JSON names of the members.</param>
public sealed record OneOfGroup(string Name, IReadOnlyList<string> Members);
