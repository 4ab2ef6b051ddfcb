using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Keel.Generators.Tests.Merging;

/// <summary>Walks object graphs by reflection (test-only) to prove two graphs share no mutable object.</summary>
internal static class ObjectGraph
{
    public static void AssertDisjoint(object left, object right)
    {
        var mine = Collect(left);
        var theirs = Collect(right);
        mine.IntersectWith(theirs);
        Assert.True(mine.Count == 0, "shared objects: " + string.Join(", ", mine.Select(o => o.GetType().Name)));
    }

    private static HashSet<object> Collect(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is string || current.GetType().IsValueType || current is k8s.Models.IntOrString || current is k8s.Models.ResourceQuantity || !seen.Add(current))
            {
                continue; // immutable values may be shared
            }

            if (current is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push(item is DictionaryEntry entry ? entry.Value! : item);
                        var valueProperty = item.GetType().GetProperty("Value");
                        if (item.GetType().IsGenericType && item.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && valueProperty!.GetValue(item) is { } value)
                        {
                            pending.Push(value);
                        }
                    }
                }

                continue;
            }

            foreach (var property in current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.GetValue(current) is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        return seen;
    }
}
