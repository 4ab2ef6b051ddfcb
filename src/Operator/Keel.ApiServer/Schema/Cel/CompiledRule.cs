using Cel;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>One <c>x-kubernetes-validations</c> entry, checked and compiled once per schema.</summary>
internal sealed class CompiledRule
{
    public required ValidationRuleSpec Spec { get; init; }

    /// <summary>The compiled rule, or null when <see cref="Error"/> says why not.</summary>
    public CelProgramDelegate? Program { get; init; }

    /// <summary>cel-go style compile error detail (<c>compilation failed: ERROR: &lt;input&gt;:1:6: …</c>).</summary>
    public string? Error { get; init; }

    public CelProgramDelegate? MessageProgram { get; init; }
    public string? MessageExpressionError { get; init; }

    /// <summary>The rule reads <c>oldSelf</c>: a transition rule, skipped when there is no old value (unless optional).</summary>
    public bool UsesOldSelf { get; init; }

    /// <summary>The rule's <c>fieldPath</c> as a field path relative to the node (<c>spec.foo</c>), or null.</summary>
    public string? NormalizedFieldPath { get; init; }

    /// <summary>The rule's <c>fieldPath</c> is not valid for the schema (reported by CRD validation).</summary>
    public string? FieldPathError { get; init; }

    public bool OptionalOldSelf => Spec.OptionalOldSelf == true;

    /// <summary><c>message</c> or the default <c>failed rule: …</c>.</summary>
    public string MessageOrDefault => Spec.Message.Length == 0 ? "failed rule: " + ErrorString : Spec.Message.Trim();

    /// <summary>What identifies the rule in error texts: its message if any, else the rule itself.</summary>
    public string ErrorString => Spec.Message.Length > 0 ? Spec.Message.Trim() : Spec.Rule.Trim();
}
