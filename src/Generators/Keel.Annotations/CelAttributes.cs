using System;

namespace Keel.Annotations;

/// <summary>
/// A CEL validation rule (<c>x-kubernetes-validations</c>, controller-gen <c>+kubebuilder:validation:XValidation</c>).
/// On a class the rule applies wherever the class is used; on a property, to that property's value.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class CelRuleAttribute : Attribute
{
    public CelRuleAttribute(string rule) => Rule = rule;

    public string Rule { get; }
    public string? Message { get; set; }
    public string? MessageExpression { get; set; }

    /// <summary>One of FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired, FieldValueDuplicate.</summary>
    public string? Reason { get; set; }

    /// <summary>A JSON path relative to the rule's value, naming the field a failure is reported on.</summary>
    public string? FieldPath { get; set; }

    /// <summary>Transition rule that also runs on create, with <c>oldSelf</c> an optional.</summary>
    public bool OptionalOldSelf { get; set; }
}

/// <summary>Sugar: the value cannot change once set (emits <c>self == oldSelf</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ImmutableAttribute : Attribute
{
    /// <summary>Defaults to "&lt;field&gt; is immutable".</summary>
    public string? Message { get; set; }
}

/// <summary>Sugar on a class: exactly one of the named JSON fields is set (emits a CEL rule with <c>has()</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExactlyOneOfAttribute : Attribute
{
    public ExactlyOneOfAttribute(params string[] jsonNames) => JsonNames = jsonNames;

    public string[] JsonNames { get; }
    public string? Message { get; set; }
}

/// <summary>Sugar on a class: at most one of the named JSON fields is set.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AtMostOneOfAttribute : Attribute
{
    public AtMostOneOfAttribute(params string[] jsonNames) => JsonNames = jsonNames;

    public string[] JsonNames { get; }
    public string? Message { get; set; }
}

/// <summary>Sugar on a class: at least one of the named JSON fields is set.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AtLeastOneOfAttribute : Attribute
{
    public AtLeastOneOfAttribute(params string[] jsonNames) => JsonNames = jsonNames;

    public string[] JsonNames { get; }
    public string? Message { get; set; }
}
