using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Migration.Templates;
using Keel.Model.Serialization;

namespace Keel.Model.Migration.Parts;

/// <summary>
/// Decides whether one YAML scalar holding template actions may become a template string in a typed part. In the
/// ConfigMap form the scalar is rendered first and then read by YAML, which types it (unquoted <c>8000</c> is an
/// integer, an unquoted empty value is null); in a typed part the string is read first and its rendering converted to
/// the field's kind. The two agree only in the cases below; anything else keeps the value raw, with the reason.
/// </summary>
internal static class ScalarRules
{
    /// <summary>Why the scalar cannot be a typed template string, or null when it can.</summary>
    /// <param name="site">The scalar as written (with placeholders).</param>
    /// <param name="actions">The actions in it, in order.</param>
    /// <param name="whole">Whether the scalar is exactly one action.</param>
    /// <param name="kind">What the field wants.</param>
    /// <param name="text">The placeholder text, to build representative renderings.</param>
    public static string? Check(ScalarSite site, IReadOnlyList<AnalyzedAction> actions, bool whole, FieldKind kind, PlaceholderText text)
    {
        if (Unbalanced(actions) is { } control)
        {
            return control;
        }

        if (kind == FieldKind.Mismatch)
        {
            return null; // the typed reader reports it (a template string where an object is wanted fails in both forms)
        }

        var stringLike = kind is FieldKind.String or FieldKind.Other;
        if (site.IsBlock)
        {
            return stringLike ? null : $"a {site.StyleName} scalar is a string, but the field wants {PartLeaves.Describe(kind)}";
        }

        if (site.IsQuoted)
        {
            return stringLike
                ? null
                : $"the ConfigMap form reads a {site.StyleName} scalar as a string, but this field wants {PartLeaves.Describe(kind)}: a typed part would convert the rendering and give a different value (quote it only where a string is wanted)";
        }

        if (!stringLike)
        {
            return null; // an unquoted rendering in a typed field is converted as YAML would have typed it
        }

        var outputs = actions.Where(a => a.Action.Kind == ActionKind.Output).ToList();
        if (whole && outputs.Count == 1)
        {
            var output = outputs[0].Output;
            return output switch
            {
                { Shape: OutputShape.Digits } => "it renders a number, which YAML reads as a number when unquoted, but the field wants a string (the ConfigMap form fails on it; quote the template)",
                { Shape: OutputShape.Boolean } => "it renders true or false, which YAML reads as a boolean when unquoted, but the field wants a string (the ConfigMap form fails on it; quote the template)",
                { MayBeEmpty: true } => "it renders empty for some ModelServices (for example .HFModelName of a pvc:// model, or an unset .AuthSecretName): unquoted, the ConfigMap form reads that as null and leaves the field out, where a typed string field would hold \"\"",
                _ => null,
            };
        }

        // Text around the actions, or control actions: try the renderings the actions can give.
        foreach (var rendering in Renderings(site.Value, actions, text))
        {
            if (YamlScalars.ResolvePlain(rendering) is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                var read = YamlScalars.ResolvePlain(rendering) is null ? "null (the field left out)" : "a number or a boolean";
                return $"unquoted, it can render \"{Templating.TemplateError.ShortenAction(rendering)}\", which YAML reads as {read}, where a typed string field would keep the text";
            }
        }

        return null;
    }

    // Control actions must open and close inside the scalar: a typed part renders each scalar alone.
    private static string? Unbalanced(IReadOnlyList<AnalyzedAction> actions)
    {
        var depth = 0;
        foreach (var analyzed in actions)
        {
            var action = analyzed.Action;
            if (action.Opens)
            {
                depth++;
            }
            else if (action.Closes || (action.Kind == ActionKind.Control && action.Keyword is "else"))
            {
                if (depth == 0)
                {
                    return $"{{{{ {action.Keyword} }}}} belongs to a control action outside this YAML value: an if, range or with around several fields or lines produces structure";
                }

                if (action.Closes)
                {
                    depth--;
                }
            }
        }

        return depth == 0 ? null : "it opens an if, range or with whose end is outside this YAML value: a block around several fields or lines produces structure";
    }

    // Representative renderings: every output non-empty with the first branch of each control block taken, then
    // what may be empty empty with the else branch (or nothing) taken.
    private static IEnumerable<string> Renderings(string value, IReadOnlyList<AnalyzedAction> actions, PlaceholderText text)
    {
        yield return Substitute(value, text, elseBranches: false);
        yield return Substitute(value, text, elseBranches: true);
    }

    private static string Substitute(string value, PlaceholderText text, bool elseBranches)
    {
        var sb = new StringBuilder();

        // For each open block: whether its current branch is rendered.
        var rendered = new Stack<bool>();
        bool Visible() => rendered.All(r => r);
        foreach (var (literal, action) in Split(value, text))
        {
            if (action is null)
            {
                if (Visible())
                {
                    sb.Append(literal);
                }

                continue;
            }

            var a = action.Action;
            if (a.Opens)
            {
                rendered.Push(!elseBranches);
                continue;
            }

            if (a.Kind == ActionKind.Control && a.Keyword == "else" && rendered.Count > 0)
            {
                rendered.Push(!rendered.Pop());
                continue;
            }

            if (a.Closes && rendered.Count > 0)
            {
                rendered.Pop();
                continue;
            }

            if (a.Kind != ActionKind.Output || !Visible())
            {
                continue;
            }

            sb.Append(action.Output switch
            {
                { MayBeEmpty: true } when elseBranches => string.Empty,
                { Shape: OutputShape.Digits } => "8000",
                { Shape: OutputShape.Boolean } => "true",
                _ => "text",
            });
        }

        return sb.ToString();
    }

    // The value as literal runs and actions, in order.
    private static List<(string Literal, AnalyzedAction? Action)> Split(string value, PlaceholderText text)
    {
        var result = new List<(string, AnalyzedAction?)>();
        var actions = text.In(value);
        var pos = 0;
        foreach (var action in actions)
        {
            var placeholderStart = value.IndexOf(text.PlaceholderOf(action), pos, StringComparison.Ordinal);
            result.Add((value[pos..placeholderStart], null));
            result.Add((string.Empty, action));
            pos = placeholderStart + action.Action.Length;
        }

        result.Add((value[pos..], null));
        return result;
    }
}
