using Keel.Model.Templating.Syntax;

namespace Keel.Model.Migration.Templates;

/// <summary>
/// Says what an output action can print, from its parse tree: the template variables and functions it uses and the
/// literals it holds. Conservative: a function whose output it cannot vouch for counts as structure, so the part
/// stays raw rather than risk a different rendering.
/// </summary>
internal static class OutputClassifier
{
    // Values that are never empty and hold nothing YAML reads specially: names the operator derives, paths.
    private static readonly HashSet<string> NonEmptyVariables = new(StringComparer.Ordinal)
    {
        "ModelServiceName", "ModelServiceNamespace", "ModelName", "SanitizedModelName", "MountedModelPath",
        "EPPServiceName", "EPPDeploymentName", "PrefillDeploymentName", "DecodeDeploymentName", "PrefillServiceName",
        "DecodeServiceName", "InferencePoolName", "InferenceModelName", "InferenceObjectiveName", "HTTPRouteName",
    };

    // Empty for some ModelServices: HFModelName and ModelPath for other schemes, AuthSecretName when unset.
    private static readonly HashSet<string> MaybeEmptyVariables = new(StringComparer.Ordinal) { "HFModelName", "ModelPath", "AuthSecretName" };

    private static readonly HashSet<string> DigitFunctions = new(StringComparer.Ordinal)
    {
        "getPort", "add", "add1", "sub", "mul", "div", "mod", "max", "min", "int", "int64", "atoi", "len", "biggest",
    };

    private static readonly HashSet<string> BooleanFunctions = new(StringComparer.Ordinal)
    {
        "eq", "ne", "lt", "le", "gt", "ge", "not", "empty", "hasPrefix", "hasSuffix", "contains", "regexMatch", "has", "hasKey", "all", "any",
    };

    // Non-empty whenever their input is.
    private static readonly HashSet<string> PreservingFunctions = new(StringComparer.Ordinal)
    {
        "lower", "upper", "title", "toString", "urlquery", "html", "js", "b64enc",
    };

    private static readonly HashSet<string> NeverEmptyFunctions = new(StringComparer.Ordinal) { "sha256sum", "sha1sum" };

    // One line of text computed from their arguments.
    private static readonly HashSet<string> TextFunctions = new(StringComparer.Ordinal)
    {
        "trim", "trimAll", "trimPrefix", "trimSuffix", "replace", "printf", "print", "cat", "join", "trunc", "substr", "repeat",
        "nospace", "regexReplaceAll", "regexReplaceAllLiteral", "regexFind", "regexQuoteMeta", "index", "first", "last", "and",
        "or", "get", "plural", "float64", "floor", "ceil", "fail", "call",
    };

    private static readonly Dictionary<string, string> SyntaxFunctions = new(StringComparer.Ordinal)
    {
        ["quote"] = "quote wraps the value in double quotes, which YAML removes",
        ["squote"] = "squote wraps the value in single quotes, which YAML removes",
        ["toJson"] = "toJson writes JSON, which YAML reads as a value of its own",
        ["toRawJson"] = "toRawJson writes JSON, which YAML reads as a value of its own",
    };

    /// <summary>What <paramref name="action"/> prints.</summary>
    public static ActionOutput Classify(ActionNode action) => Pipe(action.Pipe);

    private static ActionOutput Pipe(PipeNode pipe)
    {
        ActionOutput? piped = null;
        foreach (var command in pipe.Commands)
        {
            piped = Command(command, piped);
        }

        return piped ?? ActionOutput.MaybeEmptyText;
    }

    private static ActionOutput Command(CommandNode command, ActionOutput? piped)
    {
        if (command.Args.Count == 0)
        {
            return ActionOutput.MaybeEmptyText;
        }

        if (command.Args[0] is IdentifierNode function)
        {
            var args = command.Args.Skip(1).Select(Operand).ToList();
            if (piped is { } value)
            {
                args.Add(value);
            }

            return Function(function.Function.Name, args);
        }

        return Operand(command.Args[0]);
    }

    private static ActionOutput Operand(Node node) => node switch
    {
        FieldNode field => Variable(field.Ident),
        VariableNode { Ident.Count: > 1 } v when v.Ident[0] == "$" => Variable([.. v.Ident.Skip(1)]),
        VariableNode { Ident.Count: 1 } v when v.Ident[0] == "$" => ActionOutput.Structure("$ prints the whole set of template variables"),
        VariableNode => ActionOutput.MaybeEmptyText,
        DotNode => ActionOutput.Structure(". prints the whole set of template variables"),
        StringNode s => Literal(s.Text),
        NumberNode n => n.IsInt ? ActionOutput.Digits : ActionOutput.Text,
        BoolNode => ActionOutput.Boolean,
        PipeNode p => Pipe(p),
        IdentifierNode f => Function(f.Function.Name, []),
        _ => ActionOutput.MaybeEmptyText,
    };

    private static ActionOutput Variable(IReadOnlyList<string> fields)
    {
        if (fields.Count != 1)
        {
            return ActionOutput.MaybeEmptyText;
        }

        return NonEmptyVariables.Contains(fields[0]) ? ActionOutput.Text : ActionOutput.MaybeEmptyText;
    }

    private static ActionOutput Literal(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            return ActionOutput.Structure("the string literal holds a line break");
        }

        if (!IsInert(text))
        {
            return ActionOutput.Syntax($"the string literal \"{Templating.TemplateError.ShortenAction(text)}\" holds characters YAML reads specially");
        }

        return text.Length == 0 ? ActionOutput.MaybeEmptyText : ActionOutput.Text;
    }

    private static readonly Dictionary<string, string> StructureFunctions = new(StringComparer.Ordinal)
    {
        ["toYaml"] = "toYaml produces YAML structure",
        ["toPrettyJson"] = "toPrettyJson produces several lines of JSON",
        ["indent"] = "indent produces indented lines, which YAML reads as structure",
        ["nindent"] = "nindent starts a new line and indents it, which YAML reads as structure",
        ["println"] = "println ends with a line break",
        ["b64dec"] = "b64dec can produce any text, line breaks included",
    };

    private static ActionOutput Function(string name, List<ActionOutput> args)
    {
        if (StructureFunctions.TryGetValue(name, out var structure))
        {
            return ActionOutput.Structure(structure);
        }

        if (DigitFunctions.Contains(name))
        {
            return ActionOutput.Digits;
        }

        if (BooleanFunctions.Contains(name))
        {
            return ActionOutput.Boolean;
        }

        if (SyntaxFunctions.TryGetValue(name, out var why))
        {
            return ActionOutput.Syntax(why);
        }

        if (NeverEmptyFunctions.Contains(name))
        {
            return ActionOutput.Text;
        }

        var known = PreservingFunctions.Contains(name) || TextFunctions.Contains(name) || name is "default" or "required" or "coalesce" or "ternary";
        if (!known)
        {
            return ActionOutput.Structure($"{name} returns a list, a map or a value whose printed form YAML may read as structure");
        }

        // The text functions print their arguments (or parts of them): structure or syntax in an argument reaches the output.
        if (args.FirstOrDefault(a => a.IsYamlSignificant) is { Why: not null } significant)
        {
            return significant;
        }

        switch (name)
        {
            case "default":
                // default DEFAULT VALUE: VALUE unless it is empty, then DEFAULT.
                return args.Count == 2 ? ActionOutput.Either(args[1] with { MayBeEmpty = false }, args[0]) with { MayBeEmpty = args[0].MayBeEmpty } : ActionOutput.MaybeEmptyText;
            case "required":
                // Fails on an empty value, so it prints something or nothing at all.
                return args.Count == 2 ? args[1] with { MayBeEmpty = false } : ActionOutput.Text;
            case "coalesce":
                return args.Count == 0 ? ActionOutput.MaybeEmptyText : args.Aggregate(ActionOutput.Either) with { MayBeEmpty = args.All(a => a.MayBeEmpty) };
            case "ternary":
                return args.Count == 3 ? ActionOutput.Either(args[0], args[1]) : ActionOutput.MaybeEmptyText;
        }

        return PreservingFunctions.Contains(name)
            ? new ActionOutput(OutputShape.Text, args.Count == 0 || args[^1].MayBeEmpty)
            : ActionOutput.MaybeEmptyText;
    }

    /// <summary>
    /// Whether a string printed inside a YAML scalar reads back as itself, wherever it stands: no quotes, no
    /// backslash, no comment or mapping indicator, no indicator at the start, no surrounding spaces.
    /// </summary>
    public static bool IsInert(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || "-?:,[]{}#&*!|>%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        return text.IndexOfAny(['\'', '"', '\\', '\t', '\n', '\r']) < 0
            && !text.Contains(": ", StringComparison.Ordinal)
            && !text.Contains(" #", StringComparison.Ordinal)
            && !text.EndsWith(':');
    }
}
