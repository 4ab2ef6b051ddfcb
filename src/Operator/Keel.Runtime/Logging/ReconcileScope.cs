using System.Collections;

namespace Keel.Runtime.Logging;

/// <summary>
/// The logging scope of one reconcile: structured properties for JSON logs (<c>controller</c>, <c>namespace</c>,
/// <c>name</c>, <c>reconcileID</c>) and a short text for console logs (<c>modelservice default/opt-125m #1a2b3c4d</c>),
/// where a plain dictionary would print its type name.
/// </summary>
public sealed class ReconcileScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _properties;

    public ReconcileScope(string controller, string? @namespace, string name, string reconcileId)
    {
        Controller = controller;
        Namespace = @namespace;
        Name = name;
        ReconcileId = reconcileId;
        _properties =
        [
            new("controller", controller),
            new("namespace", @namespace),
            new("name", name),
            new("reconcileID", reconcileId),
        ];
    }

    public string Controller { get; }

    public string? Namespace { get; }

    public string Name { get; }

    public string ReconcileId { get; }

    public int Count => _properties.Length;

    public KeyValuePair<string, object?> this[int index] => _properties[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What the console formatter prints: the controller, the object key and the first eight characters of the reconcile ID.</summary>
    public override string ToString() =>
        $"{Controller} {(Namespace is null ? Name : Namespace + "/" + Name)} #{ReconcileId[..Math.Min(8, ReconcileId.Length)]}";
}
