using System.Collections;
using System.Reflection;

namespace Keel.Model.Tests.Api;

/// <summary>The properties of Keel's API types (as <c>Type.Property</c>), declared or set in an object graph.</summary>
internal static class TypePaths
{
    /// <summary>Every property of every Keel.Model.Api type reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Declared(Type root)
    {
        var seen = new HashSet<Type>();
        var names = new List<string>();
        var pending = new Queue<Type>([root]);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in Properties(type))
            {
                names.Add($"{type.Name}.{property.Name}");
                if (IsApiType(ElementType(property.PropertyType)) is { } element)
                {
                    pending.Enqueue(element);
                }
            }
        }

        return names;
    }

    /// <summary>Adds <c>Type.Property</c> for every non-null property of an API type in the graph.</summary>
    public static void CollectSet(object value, HashSet<string> set)
    {
        if (IsApiType(value.GetType()) is null)
        {
            return;
        }

        foreach (var property in Properties(value.GetType()))
        {
            var child = property.GetValue(value);
            if (child is null)
            {
                continue;
            }

            set.Add($"{value.GetType().Name}.{property.Name}");
            if (child is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        CollectSet(item, set);
                    }
                }
            }
            else
            {
                CollectSet(child, set);
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static Type? IsApiType(Type type) =>
        type.Namespace == "Keel.Model.Api" && type.IsClass ? type : null;

    private static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[^1]
            : type;
    }
}
