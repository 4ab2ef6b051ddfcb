using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>Checks and compiles the rules of one schema node against its CEL shape.</summary>
internal static class CelRuleCompiler
{
    public static CompiledRule Compile(ValidationRuleSpec spec, CelShape? shape, SchemaNode schema)
    {
        var fieldPathError = (string?)null;
        string? normalizedFieldPath = null;
        if (spec.FieldPath.Trim().Length > 0)
        {
            if (RuleFieldPath.TryResolve(spec.FieldPath, schema, allowArrayNotation: true, out var path, out _, out var error))
            {
                normalizedFieldPath = path.ToString();
            }
            else
            {
                fieldPathError = error;
            }
        }

        if (spec.Rule.Trim().Length == 0)
        {
            return new CompiledRule { Spec = spec, NormalizedFieldPath = normalizedFieldPath, FieldPathError = fieldPathError };
        }

        if (shape is null)
        {
            return new CompiledRule
            {
                Spec = spec,
                Error = "compilation failed: rules cannot apply to a schema node without a type CEL can declare (set type, or x-kubernetes-int-or-string)",
                FieldPathError = fieldPathError,
            };
        }

        var variables = Variables(shape, spec.OptionalOldSelf == true);
        var rule = Check(spec.Rule, variables, out var check);
        if (rule.Error is not null)
        {
            return new CompiledRule { Spec = spec, Error = "compilation failed: " + rule.Error, FieldPathError = fieldPathError, NormalizedFieldPath = normalizedFieldPath };
        }

        if (check!.Type.Kind != DeclKind.Bool && !check.Type.IsDyn)
        {
            return new CompiledRule { Spec = spec, Error = "cel expression must evaluate to a bool", FieldPathError = fieldPathError, NormalizedFieldPath = normalizedFieldPath };
        }

        global::Cel.CelProgramDelegate? messageProgram = null;
        string? messageError = null;
        if (spec.MessageExpression.Trim().Length > 0)
        {
            var message = Check(spec.MessageExpression, Variables(shape, optionalOldSelf: false), out var messageCheck);
            if (message.Error is not null)
            {
                messageError = "messageExpression compilation failed: " + message.Error;
            }
            else if (messageCheck!.Type.Kind != DeclKind.String && !messageCheck.Type.IsDyn)
            {
                messageError = "messageExpression must evaluate to a string";
            }
            else
            {
                messageProgram = message.Program;
            }
        }

        return new CompiledRule
        {
            Spec = spec,
            Program = rule.Program,
            UsesOldSelf = check.UsesOldSelf,
            MessageProgram = messageProgram,
            MessageExpressionError = messageError,
            NormalizedFieldPath = normalizedFieldPath,
            FieldPathError = fieldPathError,
        };
    }

    private static Dictionary<string, DeclType> Variables(CelShape shape, bool optionalOldSelf)
    {
        var variables = new Dictionary<string, DeclType>(CelRuntime.NamespaceVariables, StringComparer.Ordinal)
        {
            ["self"] = shape.Type,
            ["oldSelf"] = optionalOldSelf ? DeclType.OptionalOf(shape.Type) : shape.Type,
        };
        return variables;
    }

    private static (global::Cel.CelProgramDelegate? Program, string? Error) Check(string expression, IReadOnlyDictionary<string, DeclType> variables, out CelCheckResult? result)
    {
        result = null;
        var issues = new List<CelIssue>();
        var tree = CelSyntax.Parse(expression, issues);
        if (tree is null)
        {
            return (null, CelIssue.Render(issues, expression));
        }

        result = CelChecker.Check(tree, variables);
        if (result.Issues.Count > 0)
        {
            return (null, CelIssue.Render(result.Issues, expression));
        }

        try
        {
            return (CelRuntime.Compile(tree), null);
        }
        catch (global::Cel.CelException ex)
        {
            return (null, "ERROR: <input>:1:1: " + ex.Message);
        }
    }
}
