using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Keel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>Reads our attributes off properties and classes into <see cref="PropertyAnnotations"/> and <see cref="TypeAnnotations"/>.</summary>
internal static class AttributeReader
{
    public static PropertyAnnotations ReadProperty(IPropertySymbol property)
    {
        var result = new PropertyAnnotations();
        var sites = new List<AttributeSite>();
        var keys = new List<string>();
        var cel = new List<CelRule>();
        foreach (var attribute in property.GetAttributes())
        {
            var name = ShortName(attribute);
            if (name is null)
            {
                continue;
            }

            var location = LocationInfo.From(attribute.ApplicationSyntaxReference);
            sites.Add(new AttributeSite(name, location));
            var first = attribute.ConstructorArguments.FirstOrDefault();
            result = name switch
            {
                "ListType" => result with { ListType = first.Value as int? },
                "ListMapKey" => Add(keys, first.Value as string, result),
                "MapType" => result with { MapType = first.Value as int? },
                "StructType" => result with { StructType = first.Value as int? },
                "Prepend" => result with { Prepend = true },
                "AtomicReplace" => result with { AtomicReplace = true, EmptyMeansUnset = Named<bool>(attribute, "EmptyMeansUnset") },
                "OneOf" => result with { OneOfGroup = first.Value as string },
                "Minimum" => result with { Minimum = ToDouble(first.Value), ExclusiveMinimum = Named<bool>(attribute, "Exclusive") },
                "Maximum" => result with { Maximum = ToDouble(first.Value), ExclusiveMaximum = Named<bool>(attribute, "Exclusive") },
                "MultipleOf" => result with { MultipleOf = ToDouble(first.Value) },
                "MinLength" => result with { MinLength = first.Value as int? },
                "MaxLength" => result with { MaxLength = first.Value as int? },
                "Pattern" => result with { Pattern = first.Value as string },
                "Format" => result with { Format = first.Value as string },
                "EnumValues" => result with { EnumValues = StringArray(first).ToEquatableArray() },
                "MinItems" => result with { MinItems = first.Value as int? },
                "MaxItems" => result with { MaxItems = first.Value as int? },
                "UniqueItems" => result with { UniqueItems = true },
                "MinProperties" => result with { MinProperties = first.Value as int? },
                "MaxProperties" => result with { MaxProperties = first.Value as int? },
                "Required" => result with { Required = true },
                "Optional" => result with { Optional = true },
                "SchemaNullable" => result with { Nullable = true },
                "Default" => result with { DefaultJson = first.Value as string },
                "Example" => result with { ExampleJson = first.Value as string },
                "PreserveUnknownFields" => result with { PreserveUnknownFields = true },
                "EmbeddedResource" => result with { EmbeddedResource = true },
                "IntOrString" => result with { IntOrString = true },
                "SchemaType" => result with { SchemaType = first.Value as string },
                "SchemaIgnore" => result with { Ignore = true },
                "CelRule" => AddCel(cel, attribute, location, result),
                "Immutable" => result with { Immutable = true, ImmutableMessage = Named<string>(attribute, "Message") },
                "SchemaFrom" => result with
                {
                    SchemaFromType = first.Value is ITypeSymbol type ? TypeGraphParser.KeyOf(type) : null,
                    SchemaFromTemplatable = Named<bool>(attribute, "Templatable"),
                },
                _ => result,
            };
        }

        return result with
        {
            ListMapKeys = keys.ToEquatableArray(),
            CelRules = cel.ToEquatableArray(),
            Sites = sites.ToEquatableArray(),
        };
    }

    public static TypeAnnotations ReadType(INamedTypeSymbol type)
    {
        var result = new TypeAnnotations();
        var cel = new List<CelRule>();
        var sugar = new List<OneOfSugar>();
        foreach (var attribute in type.GetAttributes())
        {
            var name = ShortName(attribute);
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference);
            var first = attribute.ConstructorArguments.FirstOrDefault();
            switch (name)
            {
                case "StructType":
                    result = result with { StructType = first.Value as int? };
                    break;
                case "PreserveUnknownFields":
                    result = result with { PreserveUnknownFields = true };
                    break;
                case "MinProperties":
                    result = result with { MinProperties = first.Value as int? };
                    break;
                case "MaxProperties":
                    result = result with { MaxProperties = first.Value as int? };
                    break;
                case "CelRule":
                    AddCel(cel, attribute, location, new PropertyAnnotations());
                    break;
                case "ExactlyOneOf":
                    sugar.Add(new OneOfSugar("==", StringArray(first).ToEquatableArray(), Named<string>(attribute, "Message"), location));
                    break;
                case "AtMostOneOf":
                    sugar.Add(new OneOfSugar("<=", StringArray(first).ToEquatableArray(), Named<string>(attribute, "Message"), location));
                    break;
                case "AtLeastOneOf":
                    sugar.Add(new OneOfSugar(">=", StringArray(first).ToEquatableArray(), Named<string>(attribute, "Message"), location));
                    break;
            }
        }

        return result with { CelRules = cel.ToEquatableArray(), OneOfSugar = sugar.ToEquatableArray() };
    }

    /// <summary>The attribute's name without namespace and "Attribute" suffix, when it is one of ours.</summary>
    public static string? ShortName(AttributeData attribute)
    {
        var full = attribute.AttributeClass?.ToDisplayString();
        if (full is null || !full.StartsWith(KnownNames.AnnotationsNamespace, System.StringComparison.Ordinal) || !full.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            return null;
        }

        return full.Substring(KnownNames.AnnotationsNamespace.Length, full.Length - KnownNames.AnnotationsNamespace.Length - "Attribute".Length);
    }

    public static T? Named<T>(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    public static IEnumerable<string> StringArray(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Array
            ? constant.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!)
            : Enumerable.Empty<string>();

    private static PropertyAnnotations Add(List<string> keys, string? key, PropertyAnnotations result)
    {
        if (key is not null)
        {
            keys.Add(key);
        }

        return result;
    }

    private static PropertyAnnotations AddCel(List<CelRule> rules, AttributeData attribute, LocationInfo? location, PropertyAnnotations result)
    {
        if (attribute.ConstructorArguments.FirstOrDefault().Value is string rule)
        {
            rules.Add(new CelRule(
                rule,
                Named<string>(attribute, "Message"),
                Named<string>(attribute, "MessageExpression"),
                Named<string>(attribute, "Reason"),
                Named<string>(attribute, "FieldPath"),
                Named<bool>(attribute, "OptionalOldSelf"),
                location));
        }

        return result;
    }

    private static double? ToDouble(object? value) => value is null ? null : System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
