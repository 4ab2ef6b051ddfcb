using System;

namespace Keel.Annotations;

/// <summary>Whether a custom resource lives in a namespace or in the cluster.</summary>
public enum ResourceScope
{
    Namespaced,
    Cluster,
}

/// <summary>
/// Marks a class as the root of a custom resource version (controller-gen: <c>+kubebuilder:object:root</c>,
/// <c>+groupName</c>, <c>+kubebuilder:resource</c>). The class must be <c>partial</c>; it must have
/// <c>Metadata</c> (V1ObjectMeta) and usually <c>Spec</c>/<c>Status</c> properties.
/// Several classes with the same group and kind are the versions of one CRD.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CustomResourceAttribute : Attribute
{
    public CustomResourceAttribute(string group, string version, string kind)
    {
        Group = group;
        Version = version;
        Kind = kind;
    }

    public string Group { get; }
    public string Version { get; }
    public string Kind { get; }

    /// <summary>Plural resource name; defaults to the lower-cased kind plus "s" (with English rules for -s/-y endings).</summary>
    public string? Plural { get; set; }

    /// <summary>Singular resource name; defaults to the lower-cased kind.</summary>
    public string? Singular { get; set; }

    /// <summary>List kind; defaults to the kind plus "List".</summary>
    public string? ListKind { get; set; }

    public ResourceScope Scope { get; set; } = ResourceScope.Namespaced;

    public string[]? ShortNames { get; set; }

    public string[]? Categories { get; set; }
}

/// <summary>Marks this version as the storage version (<c>+kubebuilder:storageversion</c>). Exactly one version of a multi-version CRD carries it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StorageVersionAttribute : Attribute
{
}

/// <summary>The version is defined but not served (<c>+kubebuilder:unservedversion</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UnservedVersionAttribute : Attribute
{
}

/// <summary>The version is deprecated; clients get <see cref="Warning"/> (<c>+kubebuilder:deprecatedversion</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DeprecatedVersionAttribute : Attribute
{
    public string? Warning { get; set; }
}

/// <summary>Enables the status subresource (<c>+kubebuilder:subresource:status</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatusSubresourceAttribute : Attribute
{
}

/// <summary>Enables the scale subresource (<c>+kubebuilder:subresource:scale</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScaleSubresourceAttribute : Attribute
{
    public ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath)
    {
        SpecReplicasPath = specReplicasPath;
        StatusReplicasPath = statusReplicasPath;
    }

    public string SpecReplicasPath { get; }
    public string StatusReplicasPath { get; }
    public string? LabelSelectorPath { get; set; }
}

/// <summary>The type of a printer column, as the API server understands it.</summary>
public enum PrinterColumnType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
}

/// <summary>An additional printer column for <c>kubectl get</c> (<c>+kubebuilder:printcolumn</c>). Columns keep source order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute : Attribute
{
    public PrinterColumnAttribute(string name, PrinterColumnType type, string jsonPath)
    {
        Name = name;
        Type = type;
        JsonPath = jsonPath;
    }

    public string Name { get; }
    public PrinterColumnType Type { get; }
    public string JsonPath { get; }
    public string? Description { get; set; }
    public string? Format { get; set; }
    public int Priority { get; set; }
}
