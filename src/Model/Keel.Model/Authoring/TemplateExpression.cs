using System.Globalization;
using k8s.Models;

namespace Keel.Model.Authoring;

/// <summary>
/// A Go template that stands for one value of a preset (<c>{{ "http" | getPort }}</c>, <c>{{ .HFModelName }}</c>).
/// It converts to a string where the Kubernetes model wants a string (the template text) and to an int or an
/// IntOrString where it wants a number (a reserved placeholder number that the export writes back as the template,
/// which the operator renders and converts to the field's type). Make one with <see cref="Template"/>.
/// </summary>
public sealed class TemplateExpression : IEquatable<TemplateExpression>
{
    internal TemplateExpression(string text) => Text = text;

    /// <summary>The template text, <c>{{ ... }}</c> included.</summary>
    public string Text { get; }

    /// <summary>The template text, so <c>$"--port={Template.Port("http")}"</c> writes the template into a string.</summary>
    public static implicit operator string(TemplateExpression expression) =>
        (expression ?? throw new ArgumentNullException(nameof(expression))).Text;

    /// <summary>A placeholder number for an integer field (a port, a count); the export writes the template there.</summary>
    public static implicit operator int(TemplateExpression expression) =>
        TemplateSlots.Reserve((expression ?? throw new ArgumentNullException(nameof(expression))).Text);

    /// <summary>A placeholder number for an int-or-string field (a probe or target port); the export writes the template there.</summary>
    public static implicit operator IntOrString(TemplateExpression expression) =>
        (expression ?? throw new ArgumentNullException(nameof(expression))).ToInt32();

    /// <summary>The placeholder number of this template (see the int conversion).</summary>
    public int ToInt32() => TemplateSlots.Reserve(Text);

    public override string ToString() => Text;

    public bool Equals(TemplateExpression? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TemplateExpression other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
