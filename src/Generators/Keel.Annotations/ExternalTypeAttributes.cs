using System;

namespace Keel.Annotations;

// Types we do not own (the KubernetesClient models: V1Deployment and everything it reaches) cannot
// carry our attributes. A "topology declaration" class states their list types, merge keys and
// merge rules once, with typeof/nameof so a rename in the library is a compile error:
//
//   [KubernetesTypeRules]
//   [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "name")]
//   [ListMap(typeof(V1Container), nameof(V1Container.Ports), "containerPort", "protocol")]
//   [PrependRule(typeof(V1Container), nameof(V1Container.Args))]
//   internal static partial class KubernetesTopology { }
//
// The generator then emits schemas, merge code and topology for every type reachable from the
// roots the declaration names with [ExternalRoot].

/// <summary>Marks a class as a declaration of rules for types we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KubernetesTypeRulesAttribute : Attribute
{
}

/// <summary>A type we do not own for which schema, merge code and topology are generated (with everything it reaches).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExternalRootAttribute : Attribute
{
    public ExternalRootAttribute(Type type) => Type = type;

    public Type Type { get; }

    /// <summary>For kinds: the apiVersion (<c>apps/v1</c>) under which the local API server and apply find it.</summary>
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary>The resource name (<c>deployments</c>); defaults to the <c>[KubernetesEntity]</c> plural of the type.</summary>
    public string? Plural { get; set; }

    /// <summary>Whether objects of the kind live in a namespace (default true; false for Namespace, ClusterRole...).</summary>
    public bool Namespaced { get; set; } = true;
}

/// <summary>A map list on a type we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ListMapAttribute : Attribute
{
    public ListMapAttribute(Type owner, string property, params string[] keys)
    {
        Owner = owner;
        Property = property;
        Keys = keys;
    }

    public Type Owner { get; }

    /// <summary>The C# property name (use <c>nameof</c>).</summary>
    public string Property { get; }

    /// <summary>JSON names of the key fields of the item type.</summary>
    public string[] Keys { get; }

    /// <summary>
    /// JSON names of the keys the preset merge uses when they differ from the server-side apply keys
    /// (Service ports: Kubernetes keys them by port and protocol, the preset merge by name).
    /// Null means the merge uses <see cref="Keys"/>.
    /// </summary>
    public string[]? MergeKeys { get; set; }
}

/// <summary>A list with set or atomic topology on a type we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ListTopologyAttribute : Attribute
{
    public ListTopologyAttribute(Type owner, string property, ListTopology topology)
    {
        Owner = owner;
        Property = property;
        Topology = topology;
    }

    public Type Owner { get; }
    public string Property { get; }
    public ListTopology Topology { get; }
}

/// <summary>Map or struct topology of a property (or, with a null property, of a whole type) we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MapTopologyAttribute : Attribute
{
    public MapTopologyAttribute(Type owner, string? property, MapTopology topology)
    {
        Owner = owner;
        Property = property;
        Topology = topology;
    }

    public Type Owner { get; }
    public string? Property { get; }
    public MapTopology Topology { get; }
}

/// <summary>A <see cref="PrependAttribute"/> rule on a type we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrependRuleAttribute : Attribute
{
    public PrependRuleAttribute(Type owner, string property)
    {
        Owner = owner;
        Property = property;
    }

    public Type Owner { get; }
    public string Property { get; }
}

/// <summary>An <see cref="AtomicReplaceAttribute"/> rule on a type we do not own.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AtomicReplaceRuleAttribute : Attribute
{
    public AtomicReplaceRuleAttribute(Type owner, string property)
    {
        Owner = owner;
        Property = property;
    }

    public Type Owner { get; }
    public string Property { get; }
    public bool EmptyMeansUnset { get; set; }
}

/// <summary>A one-of group on a type we do not own: setting one member in the overlay clears the others in the base.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OneOfRuleAttribute : Attribute
{
    public OneOfRuleAttribute(Type owner, string group, params string[] properties)
    {
        Owner = owner;
        Group = group;
        Properties = properties;
    }

    public Type Owner { get; }
    public string Group { get; }

    /// <summary>C# property names (use <c>nameof</c>).</summary>
    public string[] Properties { get; }
}

/// <summary>
/// The default of a property on a type we do not own (<c>default</c> in the schema), written as JSON.
/// Map-list keys use it when an item leaves the key unset (container ports: <c>protocol</c> defaults to <c>"TCP"</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DefaultRuleAttribute : Attribute
{
    public DefaultRuleAttribute(Type owner, string property, string json)
    {
        Owner = owner;
        Property = property;
        Json = json;
    }

    public Type Owner { get; }
    public string Property { get; }
    public string Json { get; }
}

/// <summary>
/// A property of a type we do not own that Kubernetes requires (<c>required</c> in the schema) although its C# type does
/// not say so (KubernetesClient's models make every reference property optional): metav1.Condition's reason and message.
/// Map-list keys need no such rule: they are required in the item schema of their list.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiredRuleAttribute : Attribute
{
    public RequiredRuleAttribute(Type owner, string property)
    {
        Owner = owner;
        Property = property;
    }

    public Type Owner { get; }
    public string Property { get; }
}

/// <summary>
/// The strategic merge patch strategy of a property of a type we do not own, as Kubernetes publishes it in its
/// <c>patchStrategy</c>/<c>patchMergeKey</c> tags (<c>x-kubernetes-patch-strategy</c>/<c>-merge-key</c> in its OpenAPI):
/// <c>merge</c> (with <see cref="MergeKey"/> for a list of objects), <c>retainKeys</c>, <c>replace</c>, or a comma-separated
/// combination (<c>merge,retainKeys</c>). Emitted into the schema catalog only (CRD schemas cannot carry it), so the local API
/// server's strategic merge patch follows Kubernetes exactly instead of guessing from the list type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PatchStrategyRuleAttribute : Attribute
{
    public PatchStrategyRuleAttribute(Type owner, string property, string strategy)
    {
        Owner = owner;
        Property = property;
        Strategy = strategy;
    }

    public Type Owner { get; }
    public string Property { get; }
    public string Strategy { get; }

    /// <summary>The JSON name of the item field a <c>merge</c> list of objects is merged by.</summary>
    public string? MergeKey { get; set; }
}
