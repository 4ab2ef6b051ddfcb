using System.Collections;
using Cel;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>The Kubernetes sets library: <c>sets.contains</c>, <c>sets.equivalent</c>, <c>sets.intersects</c>.</summary>
internal static class SetsLibrary
{
    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("contains", [typeof(object), typeof(object), typeof(object)], a =>
        {
            Namespace(a[0], "sets.contains");
            var list = CelArgs.List(a[1], "sets.contains");
            return CelArgs.List(a[2], "sets.contains").Cast<object?>().All(item => ListsLibrary.IndexOf(list, item, last: false) >= 0);
        });
        environment.RegisterFunction("equivalent", [typeof(object), typeof(object), typeof(object)], a =>
        {
            Namespace(a[0], "sets.equivalent");
            var left = CelArgs.List(a[1], "sets.equivalent");
            var right = CelArgs.List(a[2], "sets.equivalent");
            return left.Cast<object?>().All(item => ListsLibrary.IndexOf(right, item, last: false) >= 0)
                && right.Cast<object?>().All(item => ListsLibrary.IndexOf(left, item, last: false) >= 0);
        });
        environment.RegisterFunction("intersects", [typeof(object), typeof(object), typeof(object)], a =>
        {
            Namespace(a[0], "sets.intersects");
            var list = CelArgs.List(a[1], "sets.intersects");
            return CelArgs.List(a[2], "sets.intersects").Cast<object?>().Any(item => ListsLibrary.IndexOf(list, item, last: false) >= 0);
        });
    }

    private static void Namespace(object? value, string function)
    {
        if (value is not SetsNamespace)
        {
            throw CelArgs.NoOverload(function, value);
        }
    }

    /// <summary>The value bound to the identifier <c>sets</c>.</summary>
    public sealed class SetsNamespace
    {
        public static readonly SetsNamespace Instance = new();
    }
}
