using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using k8s.Models;

namespace Keel.Model.Serialization;

/// <summary>
/// Which C# type holds each <c>apiVersion</c>/<c>kind</c>, for reading mixed YAML streams
/// (<see cref="KeelYaml.LoadAll"/>). Types are registered explicitly (no assembly scanning) and must be known
/// to <see cref="KeelJson"/>'s source-generated contexts.
/// </summary>
public sealed class KindRegistry
{
    private readonly Dictionary<(string ApiVersion, string Kind), Type> _types = [];

    public KindRegistry()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, to extend.</summary>
    public KindRegistry(KindRegistry other) => _types = new(other._types);

    /// <summary>Keel's kinds, the imported upstream kinds and the Kubernetes built-in kinds the operator uses.</summary>
    public static KindRegistry Default { get; } = KnownKinds.Create();

    /// <summary>The registered (apiVersion, kind) pairs.</summary>
    public IEnumerable<(string ApiVersion, string Kind)> Kinds => _types.Keys;

    /// <summary>Registers <typeparamref name="T"/> under the apiVersion and kind of its [KubernetesEntity] attribute.</summary>
    public KindRegistry Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.None)] T>()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{typeof(T)} has no [KubernetesEntity] attribute; use Register(apiVersion, kind, type)");
        var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
        return Register(apiVersion, entity.Kind, typeof(T));
    }

    public KindRegistry Register(string apiVersion, string kind, Type type)
    {
        _types[(apiVersion, kind)] = type;
        return this;
    }

    /// <summary>The type registered for <paramref name="apiVersion"/> and <paramref name="kind"/>, or null.</summary>
    public Type? Find(string apiVersion, string kind) => _types.GetValueOrDefault((apiVersion, kind));
}
