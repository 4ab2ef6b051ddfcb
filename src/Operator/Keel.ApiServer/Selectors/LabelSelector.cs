using Keel.ApiServer.Http;

namespace Keel.ApiServer.Selectors;

/// <summary>
/// A parsed label selector: equality (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>) and set-based
/// (<c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>) requirements, all of which must hold.
/// </summary>
public sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    /// <summary>Parses the query-string form; a malformed selector is a 400 like the real server's.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        var p = new Cursor(text);
        while (true)
        {
            p.SkipSpaces();
            if (p.AtEnd)
            {
                break;
            }

            requirements.Add(ParseRequirement(p, text));
            p.SkipSpaces();
            if (p.AtEnd)
            {
                break;
            }

            if (!p.Take(','))
            {
                throw Invalid(text, $"found '{p.Rest}', expected: ',' or 'end of string'");
            }
        }

        return new LabelSelector(requirements);
    }

    private static Requirement ParseRequirement(Cursor p, string text)
    {
        if (p.Take('!'))
        {
            p.SkipSpaces();
            return new Requirement(ReadKey(p, text), Operator.DoesNotExist, []);
        }

        var key = ReadKey(p, text);
        p.SkipSpaces();
        if (p.AtEnd || p.Peek == ',')
        {
            return new Requirement(key, Operator.Exists, []);
        }

        if (p.TakeWord("!="))
        {
            return new Requirement(key, Operator.NotEquals, [ReadValue(p)]);
        }

        if (p.TakeWord("==") || p.TakeWord("="))
        {
            return new Requirement(key, Operator.Equals, [ReadValue(p)]);
        }

        if (p.TakeKeyword("notin"))
        {
            return new Requirement(key, Operator.NotIn, ReadSet(p, text));
        }

        if (p.TakeKeyword("in"))
        {
            return new Requirement(key, Operator.In, ReadSet(p, text));
        }

        throw Invalid(text, $"found '{p.Rest}', expected: in, notin, =, ==, !=, gt, lt");
    }

    private static string ReadKey(Cursor p, string text)
    {
        var key = p.ReadWhile(c => !char.IsWhiteSpace(c) && c is not ('=' or '!' or ',' or '(' or ')'));
        if (key.Length == 0)
        {
            throw Invalid(text, $"found '{p.Rest}', expected: identifier");
        }

        var problems = Operations.NameRules.CheckQualifiedName(key).ToList();
        if (problems.Count > 0)
        {
            throw Invalid(text, $"key: Invalid value: \"{key}\": {problems[0]}");
        }

        return key;
    }

    private static string ReadValue(Cursor p)
    {
        p.SkipSpaces();
        return p.ReadWhile(c => !char.IsWhiteSpace(c) && c is not (',' or '(' or ')'));
    }

    private static IReadOnlyList<string> ReadSet(Cursor p, string text)
    {
        p.SkipSpaces();
        if (!p.Take('('))
        {
            throw Invalid(text, $"found '{p.Rest}', expected: '('");
        }

        var values = new List<string>();
        while (true)
        {
            values.Add(ReadValue(p));
            p.SkipSpaces();
            if (p.Take(')'))
            {
                return values;
            }

            if (!p.Take(','))
            {
                throw Invalid(text, $"found '{p.Rest}', expected: ',' or ')'");
            }
        }
    }

    private static ApiException Invalid(string text, string detail) =>
        ApiException.BadRequest($"unable to parse requirement: {detail}");

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Equals or Operator.In => has && Values.Contains(value!),
                Operator.NotEquals or Operator.NotIn => !has || !Values.Contains(value!),
                Operator.Exists => has,
                _ => !has,
            };
        }
    }

    private sealed class Cursor(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;
        public char Peek => text[_position];
        public string Rest => text[_position..];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Peek))
            {
                _position++;
            }
        }

        public bool Take(char c)
        {
            if (!AtEnd && Peek == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        public bool TakeWord(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0)
            {
                _position += word.Length;
                return true;
            }

            return false;
        }

        /// <summary>A keyword must be followed by a space or '(' (so a key named "input" is not "in").</summary>
        public bool TakeKeyword(string word)
        {
            var end = _position + word.Length;
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0 && end < text.Length && (char.IsWhiteSpace(text[end]) || text[end] == '('))
            {
                _position = end;
                return true;
            }

            return false;
        }

        public string ReadWhile(Func<char, bool> predicate)
        {
            var start = _position;
            while (!AtEnd && predicate(Peek))
            {
                _position++;
            }

            return text[start.._position];
        }
    }
}
