namespace Keel.Model.Presets;

/// <summary>
/// The namespaces whose presets any ModelService may use (spec 2.2, fix). A ModelService may always use a preset in
/// its own namespace; a preset in another namespace only when that namespace is trusted here: the operator's own
/// namespace and the configured preset namespaces.
/// </summary>
public sealed record PresetTrust
{
    /// <summary>Trusts nothing beyond same-namespace references.</summary>
    public static PresetTrust SameNamespaceOnly { get; } = new();

    /// <summary>
    /// Trusts every namespace. Only for offline tools that were handed the preset explicitly (the render
    /// command without <c>--preset-namespaces</c>); never for an operator.
    /// </summary>
    public static PresetTrust AnyNamespace { get; } = new() { TrustAll = true };

    /// <summary>The operator's own namespace; always trusted when set.</summary>
    public string? OperatorNamespace { get; init; }

    /// <summary>Further trusted preset namespaces (the operator's <c>--preset-namespaces</c>).</summary>
    public IReadOnlyList<string> PresetNamespaces { get; init; } = [];

    /// <summary>Whether every namespace is trusted (see <see cref="AnyNamespace"/>).</summary>
    public bool TrustAll { get; init; }

    /// <summary>Whether presets in <paramref name="namespace"/> may be used from other namespaces.</summary>
    public bool Allows(string @namespace) =>
        TrustAll
        || (!string.IsNullOrEmpty(OperatorNamespace) && string.Equals(OperatorNamespace, @namespace, StringComparison.Ordinal))
        || PresetNamespaces.Contains(@namespace, StringComparer.Ordinal);

    /// <summary>The trusted namespaces, for messages.</summary>
    public string Describe() => TrustAll
        ? "any namespace"
        : string.Join(", ", new[] { OperatorNamespace }.Concat(PresetNamespaces).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) is { Length: > 0 } list
            ? list
            : "none";
}
