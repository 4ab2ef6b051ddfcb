using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// Resolves a rule's <c>fieldPath</c> (<c>.spec.replicas</c>, <c>.labels['app.kubernetes.io/name']</c>) against the
/// schema node the rule sits on, as the apiextensions <c>ValidFieldPath</c> does: only property and map-key steps,
/// each naming something the schema declares.
/// </summary>
internal static class RuleFieldPath
{
    public static bool TryResolve(string jsonPath, SchemaNode schema, bool allowArrayNotation, out FieldPath path, out SchemaNode found, out string error)
    {
        path = FieldPath.Root;
        found = schema;
        error = "";
        var tokens = Tokenize(jsonPath);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string name;
            switch (token)
            {
                case "[":
                    if (!allowArrayNotation)
                    {
                        error = "array notation is not allowed";
                        return false;
                    }

                    if (++i >= tokens.Count)
                    {
                        error = "unexpected end of JSON path";
                        return false;
                    }

                    var quoted = tokens[i];
                    if (quoted.Length < 2 || quoted[0] != '\'' || quoted[^1] != '\'')
                    {
                        error = "expected single quoted string but got " + quoted;
                        return false;
                    }

                    if (!TryUnescape(quoted[1..^1], out name, out var unescapeError))
                    {
                        error = "invalid string literal: " + unescapeError;
                        return false;
                    }

                    if (!Step(ref path, ref found, name, out error))
                    {
                        return false;
                    }

                    if (++i >= tokens.Count)
                    {
                        error = "unexpected end of JSON path";
                        return false;
                    }

                    if (tokens[i] != "]")
                    {
                        error = "expected ] but got " + tokens[i];
                        return false;
                    }

                    break;
                case ".":
                    if (++i >= tokens.Count)
                    {
                        error = "unexpected end of JSON path";
                        return false;
                    }

                    if (!Step(ref path, ref found, tokens[i], out error))
                    {
                        return false;
                    }

                    break;
                default:
                    error = "expected [ or . but got: " + token;
                    return false;
            }
        }

        return true;
    }

    private static bool Step(ref FieldPath path, ref SchemaNode schema, string name, out string error)
    {
        error = "";
        if (schema.HasPropertiesKeyword || schema.Properties.Count > 0)
        {
            if (!schema.Properties.TryGetValue(name, out var property))
            {
                error = "does not refer to a valid field";
                return false;
            }

            path = path.Child(name);
            schema = property;
            return true;
        }

        if (schema.AdditionalProperties is { } additional)
        {
            path = path.Key(name);
            schema = additional;
            return true;
        }

        error = "does not refer to a valid field";
        return false;
    }

    private static List<string> Tokenize(string path)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c is '.' or '[' or ']')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }

            var start = i;
            if (c == '\'')
            {
                i++;
                while (i < path.Length && !(path[i] == '\'' && path[i - 1] != '\\'))
                {
                    i++;
                }

                i = Math.Min(i + 1, path.Length);
            }
            else
            {
                while (i < path.Length && path[i] is not ('.' or '[' or ']'))
                {
                    i++;
                }
            }

            tokens.Add(path[start..i]);
        }

        return tokens;
    }

    private static bool TryUnescape(string text, out string result, out string error)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        error = "";
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var directive = text[++i];
            switch (directive)
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\'': builder.Append('\''); break;
                case '\\': builder.Append('\\'); break;
                default:
                    error = "invalid escape char \\" + directive;
                    result = "";
                    return false;
            }
        }

        result = builder.ToString();
        return true;
    }
}
