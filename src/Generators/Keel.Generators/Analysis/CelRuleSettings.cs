using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>
/// Checks the settings around a CEL rule that the API server validates when the CRD is created (apiextensions'
/// x-kubernetes-validations rules): the reason, the message, the message expression, optionalOldSelf and fieldPath.
/// The expressions themselves are <see cref="CelSyntax"/>'s.
/// </summary>
internal static class CelRuleSettings
{
    private static readonly string[] SupportedReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];
    private static readonly Regex OldSelf = new(@"\boldSelf\b");

    /// <summary>Null when the rule's settings are valid for a rule on <paramref name="target"/> (null: a value that is not an object), else why not.</summary>
    public static string? Check(CelRule rule, ResolvedType? target, IReadOnlyDictionary<string, ResolvedType> types)
    {
        if (rule.Reason is { } reason && !SupportedReasons.Contains(reason))
        {
            return $"reason '{reason}' is not one of {string.Join(", ", SupportedReasons)}";
        }

        if (rule.Message is { } message)
        {
            if (message.Trim().Length == 0)
            {
                return "message must be non-empty if specified";
            }

            if (message.IndexOfAny(['\n', '\r']) >= 0)
            {
                return "message must not contain line breaks";
            }
        }
        else if (rule.MessageExpression is null && rule.Rule.IndexOfAny(['\n', '\r']) >= 0)
        {
            return "a rule with line breaks needs a Message";
        }

        if (rule.MessageExpression is { } expression && expression.Trim().Length == 0)
        {
            return "messageExpression must be non-empty if specified";
        }

        if (rule.OptionalOldSelf && !OldSelf.IsMatch(WithoutStrings(rule.Rule)))
        {
            return "OptionalOldSelf may only be set on a rule that uses oldSelf";
        }

        return rule.FieldPath is { } fieldPath ? CheckFieldPath(fieldPath, target, types) : null;
    }

    private static string? CheckFieldPath(string fieldPath, ResolvedType? target, IReadOnlyDictionary<string, ResolvedType> types)
    {
        if (fieldPath.Trim().Length == 0)
        {
            return "fieldPath must be non-empty if specified";
        }

        if (target is null || fieldPath.Contains("['"))
        {
            return null; // map keys and paths below non-object values are left to the API server
        }

        return JsonPathResolver.Resolve(fieldPath, target, types, out _) is { } error
            ? $"fieldPath '{fieldPath}' does not resolve in {target.Shape.Name}: {error}"
            : null;
    }

    // oldSelf inside a string literal is not a use of oldSelf.
    private static string WithoutStrings(string rule) => Regex.Replace(rule, @"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""", "''");
}
