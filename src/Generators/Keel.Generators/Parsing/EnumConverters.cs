using System.Linq;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>
/// Whether System.Text.Json writes an enum as a string: a <c>[JsonConverter]</c> naming <c>JsonStringEnumConverter</c>
/// (or <c>JsonStringEnumConverter&lt;T&gt;</c>, or a class derived from either) on the property or on the enum type.
/// </summary>
internal static class EnumConverters
{
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    private const string StringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    private const string GenericStringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter<TEnum>";

    /// <summary>Whether the property, or the enum its type holds (directly, nullable, or as list items or map values), has a string converter.</summary>
    public static bool WritesString(IPropertySymbol property) =>
        HasStringConverter(property) || (EnumOf(property.Type) is { } enumType && HasStringConverter(enumType));

    public static bool IsStringEnumConverter(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            var name = current.OriginalDefinition.ToDisplayString();
            if (name is StringEnumConverter or GenericStringEnumConverter)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasStringConverter(ISymbol symbol) => symbol.GetAttributes().Any(a =>
        a.AttributeClass?.ToDisplayString() == JsonConverterAttribute
        && a.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol converter
        && IsStringEnumConverter(converter));

    private static ITypeSymbol? EnumOf(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Enum } => type,
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => EnumOf(nullable.TypeArguments[0]),
        IArrayTypeSymbol array => EnumOf(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } generic => EnumOf(generic.TypeArguments[generic.TypeArguments.Length - 1]),
        _ => null,
    };
}
