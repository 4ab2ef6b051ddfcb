using System.Collections.Immutable;
using k8s.Models;

namespace Keel.Runtime.Cache;

/// <summary>
/// A Kubernetes label selector: equality terms (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>), existence (<c>a</c>, <c>!a</c>)
/// and set terms (<c>a in (x,y)</c>, <c>a notin (x)</c>), all of which must hold. The empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new(ImmutableArray<Requirement>.Empty);

    private LabelSelector(ImmutableArray<Requirement> requirements) => Requirements = requirements;

    public ImmutableArray<Requirement> Requirements { get; }

    public bool IsEmpty => Requirements.IsEmpty;

    /// <summary>Parses the string form used by <c>kubectl -l</c> and the API's <c>labelSelector</c> parameter.</summary>
    public static LabelSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return Everything;
        }

        var requirements = ImmutableArray.CreateBuilder<Requirement>();
        foreach (var term in SplitTerms(selector))
        {
            requirements.Add(ParseTerm(term.Trim(), selector));
        }

        return new LabelSelector(requirements.ToImmutable());
    }

    /// <summary>Builds a selector from the structured form (<c>matchLabels</c> and <c>matchExpressions</c>).</summary>
    public static LabelSelector From(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return Everything;
        }

        var requirements = ImmutableArray.CreateBuilder<Requirement>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(new Requirement(key, SelectorOperator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var op = expression.OperatorProperty switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                var other => throw new FormatException($"Label selector operator '{other}' on key '{expression.Key}' is not one of In, NotIn, Exists, DoesNotExist."),
            };
            requirements.Add(new Requirement(expression.Key, op, [.. expression.Values ?? []]));
        }

        return new LabelSelector(requirements.ToImmutable());
    }

    /// <summary>A selector of <c>key=value</c> terms.</summary>
    public static LabelSelector FromLabels(IEnumerable<KeyValuePair<string, string>> labels)
        => new([.. labels.Select(kv => new Requirement(kv.Key, SelectorOperator.Equals, [kv.Value]))]);

    public bool Matches(IDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(",", Requirements.Select(r => r.ToString()));

    private static IEnumerable<string> SplitTerms(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            switch (selector[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return selector[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return selector[start..];
    }

    private static Requirement ParseTerm(string term, string selector)
    {
        if (term.Length == 0)
        {
            throw new FormatException($"Label selector '{selector}' has an empty term.");
        }

        if (term.StartsWith('!'))
        {
            return new Requirement(RequireKey(term[1..].Trim(), selector), SelectorOperator.DoesNotExist, []);
        }

        foreach (var (symbol, op) in new[] { ("!=", SelectorOperator.NotEquals), ("==", SelectorOperator.Equals), ("=", SelectorOperator.Equals) })
        {
            var at = term.IndexOf(symbol, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(RequireKey(term[..at].Trim(), selector), op, [term[(at + symbol.Length)..].Trim()]);
            }
        }

        var parts = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2)
        {
            var rest = parts[1];
            var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? SelectorOperator.NotIn
                : rest.StartsWith("in", StringComparison.Ordinal) ? SelectorOperator.In
                : throw new FormatException($"Label selector '{selector}': cannot read '{term}'.");
            var open = rest.IndexOf('(', StringComparison.Ordinal);
            var close = rest.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                throw new FormatException($"Label selector '{selector}': '{term}' needs a parenthesized value list.");
            }

            var values = rest[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new Requirement(RequireKey(parts[0], selector), setOp, [.. values]);
        }

        return new Requirement(RequireKey(term, selector), SelectorOperator.Exists, []);
    }

    private static string RequireKey(string key, string selector)
        => key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
            ? throw new FormatException($"Label selector '{selector}' has an invalid key '{key}'.")
            : key;
}

public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// <summary>One term of a <see cref="LabelSelector"/>.</summary>
public sealed record Requirement(string Key, SelectorOperator Operator, ImmutableArray<string> Values)
{
    public bool Matches(IDictionary<string, string>? labels)
    {
        string? value = null;
        var present = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            SelectorOperator.Equals => present && value == Values[0],
            SelectorOperator.NotEquals => !present || value != Values[0],
            SelectorOperator.In => present && Values.Contains(value!),
            SelectorOperator.NotIn => !present || !Values.Contains(value!),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Exists => Key,
        _ => "!" + Key,
    };
}
