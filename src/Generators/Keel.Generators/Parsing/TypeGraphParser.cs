using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>
/// Walks the object types reachable from roots through public properties (and [SchemaFrom] types),
/// turning each into a <see cref="TypeShape"/>. Symbols stay inside this class; what leaves is data.
/// </summary>
internal sealed class TypeGraphParser
{
    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly IAssemblySymbol compilationAssembly;
    private readonly Dictionary<string, TypeShape> shapes = new(System.StringComparer.Ordinal);
    private readonly Queue<INamedTypeSymbol> pending = new();
    private readonly HashSet<string> seen = new(System.StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> diagnostics = new();

    public TypeGraphParser(IAssemblySymbol compilationAssembly) => this.compilationAssembly = compilationAssembly;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

    /// <summary>Every parsed type, ordered by key.</summary>
    public EquatableArray<TypeShape> Types => shapes.Values.OrderBy(t => t.Key, System.StringComparer.Ordinal).ToEquatableArray();

    public static string KeyOf(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);

    public void AddRoot(INamedTypeSymbol root)
    {
        Enqueue(root);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            shapes[KeyOf(type)] = ParseType(type);
        }
    }

    private void Enqueue(INamedTypeSymbol type)
    {
        if (seen.Add(KeyOf(type)))
        {
            pending.Enqueue(type);
        }
    }

    private TypeShape ParseType(INamedTypeSymbol type)
    {
        var external = !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilationAssembly);
        var properties = new List<PropertyShape>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        PropertyShape? extensionData = null;
        foreach (var property in PublicProperties(type))
        {
            var annotations = AttributeReader.ReadProperty(property);
            if (annotations.Ignore || HasJsonIgnore(property))
            {
                continue;
            }

            if (HasAttribute(property, KnownNames.JsonExtensionDataAttribute))
            {
                // Not a field: the serializer spreads its entries into the object, so the schema keeps unknown fields instead.
                extensionData = new PropertyShape(
                    property.Name,
                    property.Name,
                    Classify(property.Type),
                    false,
                    false,
                    property.SetMethod is { DeclaredAccessibility: Accessibility.Public },
                    null,
                    new PropertyAnnotations(),
                    LocationInfo.From(property.Locations.FirstOrDefault()));
                continue;
            }

            var jsonName = JsonNameOf(property);
            var value = Classify(property.Type);
            if (EnumConverters.WritesString(property))
            {
                annotations = annotations with { StringEnumConverter = true };
            }

            if (annotations.SchemaFromType is not null && property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Keel.Annotations.SchemaFromAttribute") is { } schemaFrom
                && schemaFrom.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol from)
            {
                Enqueue(from);
            }

            var location = LocationInfo.From(property.Locations.FirstOrDefault());
            if (!names.Add(jsonName) && !external)
            {
                diagnostics.Add(DiagnosticInfo.Create(Generators.Diagnostics.DuplicateJsonName, location, type.Name, jsonName));
            }

            properties.Add(new PropertyShape(
                property.Name,
                jsonName,
                value,
                property.IsRequired,
                property.Type.IsReferenceType && property.NullableAnnotation == NullableAnnotation.NotAnnotated,
                property.SetMethod is { DeclaredAccessibility: Accessibility.Public },
                external ? null : DocComments.Summary(property),
                annotations,
                location));
        }

        var canConstruct = type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public) && !type.IsAbstract;
        return new TypeShape(
            KeyOf(type),
            type.ToDisplayString(TypeNameFormat),
            type.Name,
            external,
            KeyOf(type) == KnownNames.ObjectMeta,
            canConstruct,
            external ? null : DocComments.Summary(type),
            AttributeReader.ReadType(type),
            properties.OrderBy(p => p.JsonName, System.StringComparer.Ordinal).ToEquatableArray(),
            LocationInfo.From(type.Locations.FirstOrDefault()))
        {
            ExtensionData = extensionData,
        };
    }

    private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && !property.IsImplicitlyDeclared
                    && property.Name != "EqualityContract"
                    && names.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static bool HasAttribute(IPropertySymbol property, string metadataName) =>
        property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);

    private static bool HasJsonIgnore(IPropertySymbol property) => property.GetAttributes().Any(a =>
        a.AttributeClass?.ToDisplayString() == KnownNames.JsonIgnoreAttribute
        && !a.NamedArguments.Any(n => n.Key == "Condition" && n.Value.Value is int condition && condition != 1 /* Always */));

    private static string JsonNameOf(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonPropertyNameAttribute);
        return attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? JsonNames.CamelCase(property.Name);
    }

    /// <summary>The JSON meaning of a C# type; object types are queued for parsing.</summary>
    public ValueShape Classify(ITypeSymbol type)
    {
        var name = type.ToDisplayString(TypeNameFormat);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Classify(nullable.TypeArguments[0]);
            return inner with { TypeName = name, IsNullableValueType = true };
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return ValueShape.Simple(ValueKind.String, name);
            case SpecialType.System_Boolean:
                return ValueShape.Simple(ValueKind.Boolean, name, isValueType: true);
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32:
                return ValueShape.Simple(ValueKind.Integer, name, "int32", isValueType: true);
            case SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64:
                return ValueShape.Simple(ValueKind.Integer, name, "int64", isValueType: true);
            case SpecialType.System_Single:
                return ValueShape.Simple(ValueKind.Number, name, "float", isValueType: true);
            case SpecialType.System_Double:
                return ValueShape.Simple(ValueKind.Number, name, "double", isValueType: true);
            case SpecialType.System_Decimal:
                return ValueShape.Simple(ValueKind.Number, name, null, isValueType: true);
            case SpecialType.System_DateTime:
                return ValueShape.Simple(ValueKind.String, name, "date-time", isValueType: true);
            case SpecialType.System_Object:
                return ValueShape.Simple(ValueKind.FreeForm, name) with { FreeForm = FreeFormKind.Object };
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return ValueShape.Simple(ValueKind.String, name, "byte") with { Copy = ScalarCopy.Bytes };
            }

            return array.Rank == 1
                ? Collection(ValueKind.List, name, CollectionKind.Array, array.ElementType)
                : ValueShape.Unsupported(name, "multi-dimensional arrays have no JSON form");
        }

        var metadataName = KeyOf(type);
        switch (metadataName)
        {
            case KnownNames.IntOrString:
                return ValueShape.Simple(ValueKind.IntOrString, name); // immutable (init-only Value): shared
            case KnownNames.ResourceQuantity:
                return ValueShape.Simple(ValueKind.Quantity, name);
            case "System.DateTimeOffset":
                return ValueShape.Simple(ValueKind.String, name, "date-time", isValueType: true);
            case "System.Guid":
                return ValueShape.Simple(ValueKind.String, name, "uuid", isValueType: true);
            case KnownNames.JsonNode:
                return ValueShape.Simple(ValueKind.FreeForm, name) with { FreeForm = FreeFormKind.JsonNode };
            case KnownNames.JsonObject:
                return ValueShape.Simple(ValueKind.FreeForm, name) with { FreeForm = FreeFormKind.JsonObject };
            case KnownNames.JsonArray:
                return ValueShape.Simple(ValueKind.FreeForm, name) with { FreeForm = FreeFormKind.JsonArray };
            case KnownNames.JsonValue:
                return ValueShape.Simple(ValueKind.FreeForm, name) with { FreeForm = FreeFormKind.JsonValue };
            case KnownNames.JsonElement:
                return ValueShape.Simple(ValueKind.FreeForm, name, isValueType: true) with { FreeForm = FreeFormKind.JsonElement };
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            var values = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(EnumJsonName).ToEquatableArray();
            return ValueShape.Simple(ValueKind.Enum, name, isValueType: true) with { EnumValues = values, TypeKey = metadataName };
        }

        if (type is INamedTypeSymbol named && named.IsGenericType)
        {
            var definition = named.OriginalDefinition.ToDisplayString();
            switch (definition)
            {
                case "System.Collections.Generic.IList<T>" or "System.Collections.Generic.List<T>" or "System.Collections.Generic.ICollection<T>"
                    or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>" or "System.Collections.Generic.IEnumerable<T>":
                    return Collection(ValueKind.List, name, CollectionKind.ListCompatible, named.TypeArguments[0]);
                case "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.Dictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                    return named.TypeArguments[0].SpecialType == SpecialType.System_String
                        ? Collection(ValueKind.Map, name, CollectionKind.DictionaryCompatible, named.TypeArguments[1])
                        : ValueShape.Unsupported(name, "JSON object keys are strings: use a string-keyed dictionary");
            }

            return ValueShape.Unsupported(name, "generic types other than lists and string-keyed dictionaries are not supported");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } objectType && !objectType.IsAbstract)
        {
            Enqueue(objectType);
            return ValueShape.Simple(ValueKind.Object, name) with { TypeKey = metadataName };
        }

        return ValueShape.Unsupported(name, type.TypeKind switch
        {
            TypeKind.Interface => "interfaces have no schema; use a class",
            TypeKind.Struct => "structs other than the known scalars are not supported; use a class",
            _ => "abstract classes have no schema; use a concrete class",
        });
    }

    private ValueShape Collection(ValueKind kind, string name, CollectionKind collection, ITypeSymbol element) =>
        ValueShape.Simple(kind, name) with { Collection = collection, Element = Classify(element) };

    private static string EnumJsonName(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            var attributeName = attribute.AttributeClass?.ToDisplayString();
            if (attributeName == KnownNames.JsonStringEnumMemberNameAttribute && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
            {
                return name;
            }

            if (attributeName == KnownNames.EnumMemberAttribute && attribute.NamedArguments.FirstOrDefault(a => a.Key == "Value").Value.Value is string value)
            {
                return value;
            }
        }

        return field.Name;
    }
}
