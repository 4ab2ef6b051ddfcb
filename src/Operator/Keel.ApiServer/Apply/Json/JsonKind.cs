namespace Keel.ApiServer.Apply.Json;

/// <summary>
/// The shape of a JSON value, ordered the way structured-merge-diff orders values of different
/// shapes (numbers, strings, booleans, lists, maps, null), so sorting by kind first matches it.
/// </summary>
internal enum JsonKind
{
    Number = 0,
    String = 1,
    Boolean = 2,
    Array = 3,
    Object = 4,
    Null = 5,
}
