using System;

namespace Keel.Annotations;

// OpenAPI v3 validations, one attribute per controller-gen marker (+kubebuilder:validation:*).
// They apply to the property they sit on; on a list property, ItemsXxx variants are not needed:
// put the constraint on the item type or use a CEL rule.

/// <summary><c>minimum</c> (with <c>exclusiveMinimum</c> when <see cref="Exclusive"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MinimumAttribute : Attribute
{
    public MinimumAttribute(double value) => Value = value;

    public double Value { get; }
    public bool Exclusive { get; set; }
}

/// <summary><c>maximum</c> (with <c>exclusiveMaximum</c> when <see cref="Exclusive"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MaximumAttribute : Attribute
{
    public MaximumAttribute(double value) => Value = value;

    public double Value { get; }
    public bool Exclusive { get; set; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MultipleOfAttribute : Attribute
{
    public MultipleOfAttribute(double value) => Value = value;

    public double Value { get; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MinLengthAttribute : Attribute
{
    public MinLengthAttribute(int value) => Value = value;

    public int Value { get; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MaxLengthAttribute : Attribute
{
    public MaxLengthAttribute(int value) => Value = value;

    public int Value { get; }
}

/// <summary>An ECMA-262 regular expression the string must match.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class PatternAttribute : Attribute
{
    public PatternAttribute(string regex) => Regex = regex;

    public string Regex { get; }
}

/// <summary>An OpenAPI format (<c>date-time</c>, <c>int32</c>, <c>uri</c>, ...).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class FormatAttribute : Attribute
{
    public FormatAttribute(string format) => Format = format;

    public string Format { get; }
}

/// <summary>The allowed values (<c>enum</c>). C# enum-typed properties get this automatically.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class EnumValuesAttribute : Attribute
{
    public EnumValuesAttribute(params string[] values) => Values = values;

    public string[] Values { get; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MinItemsAttribute : Attribute
{
    public MinItemsAttribute(int value) => Value = value;

    public int Value { get; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MaxItemsAttribute : Attribute
{
    public MaxItemsAttribute(int value) => Value = value;

    public int Value { get; }
}

/// <summary>
/// The list's items are unique scalars. The API server rejects <c>uniqueItems: true</c> (its cost is
/// quadratic), so the generator emits <c>x-kubernetes-list-type: set</c> instead and merges the list as a
/// set; on a list of objects, or with a [ListType] other than Set, it is an error (use a map list with keys).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class UniqueItemsAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = false)]
public sealed class MinPropertiesAttribute : Attribute
{
    public MinPropertiesAttribute(int value) => Value = value;

    public int Value { get; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = false)]
public sealed class MaxPropertiesAttribute : Attribute
{
    public MaxPropertiesAttribute(int value) => Value = value;

    public int Value { get; }
}

/// <summary>The property is required even though its C# type is nullable.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class RequiredAttribute : Attribute
{
}

/// <summary>The property is optional even though it is declared <c>required</c> or non-nullable.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class OptionalAttribute : Attribute
{
}

/// <summary><c>nullable: true</c>: an explicit JSON null is accepted and kept.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SchemaNullableAttribute : Attribute
{
}

/// <summary>The default value, written as JSON (<c>"1"</c>, <c>"\"Gateway\""</c>, <c>"{}"</c>). It must parse as the property's type.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class DefaultAttribute : Attribute
{
    public DefaultAttribute(string json) => Json = json;

    public string Json { get; }
}

/// <summary>An example value, written as JSON.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ExampleAttribute : Attribute
{
    public ExampleAttribute(string json) => Json = json;

    public string Json { get; }
}

/// <summary><c>x-kubernetes-preserve-unknown-fields: true</c>: the API server keeps fields the schema does not name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = false)]
public sealed class PreserveUnknownFieldsAttribute : Attribute
{
}

/// <summary><c>x-kubernetes-embedded-resource: true</c>: the value is a whole Kubernetes object (apiVersion, kind, metadata).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class EmbeddedResourceAttribute : Attribute
{
}

/// <summary><c>x-kubernetes-int-or-string: true</c> on a property whose C# type is not already IntOrString.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class IntOrStringAttribute : Attribute
{
}

/// <summary>Overrides the schema <c>type</c> the generator derives (<c>+kubebuilder:validation:Type</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SchemaTypeAttribute : Attribute
{
    public SchemaTypeAttribute(string type) => Type = type;

    public string Type { get; }
}

/// <summary>Leaves the property out of the schema and the merge (the JSON name stays reserved).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SchemaIgnoreAttribute : Attribute
{
}
