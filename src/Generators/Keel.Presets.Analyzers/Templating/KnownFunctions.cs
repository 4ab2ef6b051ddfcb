namespace Keel.Model.Templating.Functions;

/// <summary>
/// The names of <c>TemplateFunctions.Default</c> in Keel.Model (Go builtins, the hermetic sprig subset, Helm's
/// required/toYaml, getPort). The analyzer cannot run Keel.Model (net10.0), so the names are listed here;
/// tests/Keel.Presets.Analyzers.Tests fails when the two lists drift apart.
/// </summary>
internal static class KnownFunctions
{
    public static readonly string[] Names =
    [
        "add", "add1", "all", "and", "any", "append", "atoi", "b64dec", "b64enc", "biggest", "call", "cat",
        "ceil", "coalesce", "compact", "concat", "contains", "default", "dict", "div", "empty", "eq", "fail",
        "first", "float64", "floor", "fromJson", "ge", "get", "getPort", "gt", "has", "hasKey", "hasPrefix",
        "hasSuffix", "html", "indent", "index", "initial", "int", "int64", "join", "js", "keys", "last", "le",
        "len", "list", "lower", "lt", "max", "merge", "min", "mod", "mul", "ne", "nindent", "nospace", "not",
        "omit", "or", "pick", "plural", "prepend", "print", "printf", "println", "push", "quote", "regexFind",
        "regexFindAll", "regexMatch", "regexQuoteMeta", "regexReplaceAll", "regexReplaceAllLiteral",
        "regexSplit", "repeat", "replace", "required", "rest", "reverse", "set", "sha1sum", "sha256sum",
        "slice", "sortAlpha", "split", "splitList", "splitn", "squote", "sub", "substr", "ternary", "title",
        "toJson", "toPrettyJson", "toRawJson", "toString", "toStrings", "toYaml", "trim", "trimAll",
        "trimPrefix", "trimSuffix", "trunc", "tuple", "uniq", "unset", "until", "untilStep", "upper",
        "urlquery", "values", "without",
    ];
}
