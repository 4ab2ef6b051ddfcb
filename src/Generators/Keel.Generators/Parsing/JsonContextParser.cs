using System.Linq;
using System.Threading;
using Keel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>
/// Reads a System.Text.Json source-generation context (<c>[JsonSourceGenerationOptions]</c>) that writes enums as strings
/// (<c>UseStringEnumConverter = true</c>, or a string enum converter in <c>Converters</c>): the types it serializes
/// need no converter of their own. Contexts that do not are of no interest (null).
/// </summary>
internal static class JsonContextParser
{
    public const string OptionsAttribute = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";
    private const string SerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    public static JsonContextInfo? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.FirstOrDefault() is not { } options)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stringEnums = AttributeReader.Named<bool>(options, "UseStringEnumConverter")
            || options.NamedArguments.Any(a => a.Key == "Converters" && a.Value.Kind == TypedConstantKind.Array
                && a.Value.Values.Any(v => EnumConverters.IsStringEnumConverter(v.Value as ITypeSymbol)));
        if (!stringEnums)
        {
            return null;
        }

        var serializable = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == SerializableAttribute)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value)
            .OfType<ITypeSymbol>()
            .Select(TypeGraphParser.KeyOf)
            .OrderBy(k => k, System.StringComparer.Ordinal)
            .ToEquatableArray();
        return new JsonContextInfo(serializable);
    }
}
