namespace Keel.Runtime.Controllers;

/// <summary>
/// Filters the events that may enqueue work (controller-runtime's <c>predicate.Predicate</c>). Periodic resyncs
/// arrive as <see cref="Generic"/>, so they get through predicates that only look at changes.
/// </summary>
public interface IPredicate<in T>
{
    bool Create(T obj);

    bool Update(T oldObj, T newObj);

    bool Delete(T obj);

    bool Generic(T obj);
}

/// <summary>A predicate from delegates; a missing delegate lets the event through.</summary>
public sealed class FuncPredicate<T>(
    Func<T, bool>? create = null,
    Func<T, T, bool>? update = null,
    Func<T, bool>? delete = null,
    Func<T, bool>? generic = null) : IPredicate<T>
{
    public bool Create(T obj) => create?.Invoke(obj) ?? true;

    public bool Update(T oldObj, T newObj) => update?.Invoke(oldObj, newObj) ?? true;

    public bool Delete(T obj) => delete?.Invoke(obj) ?? true;

    public bool Generic(T obj) => generic?.Invoke(obj) ?? true;
}
