using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Migration.Templates;

/// <summary>One scalar of a YAML text: its value, how it was written, and whether it is a mapping key.</summary>
internal sealed record ScalarSite(string Value, ScalarStyle Style, bool IsKey, int Line, int Column)
{
    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    public string StyleName => Style switch
    {
        ScalarStyle.SingleQuoted => "single-quoted",
        ScalarStyle.DoubleQuoted => "double-quoted",
        ScalarStyle.Literal => "literal block (|)",
        ScalarStyle.Folded => "folded block (>)",
        _ => "unquoted",
    };
}

/// <summary>
/// Reads the scalars of a YAML text with the style they were written in, which the JSON a YAML reader produces
/// forgets: whether a placeholder stood in a quoted string, a block or a plain scalar decides how its rendering was
/// typed. Also says whether the text uses aliases (which copy a scalar, and so its placeholder).
/// </summary>
internal static class YamlScalarSites
{
    /// <summary>The scalars in text order. The text must parse (the caller parsed it already).</summary>
    public static IReadOnlyList<ScalarSite> Scan(string yaml, out bool hasAliases)
    {
        var sites = new List<ScalarSite>();
        hasAliases = false;
        var parser = new Parser(new StringReader(yaml));

        // For each open collection: is it a mapping, and is its next node a key? Keys of complex keys count as keys.
        var frames = new Stack<(bool Mapping, bool ExpectKey, bool InKey)>();
        while (parser.MoveNext())
        {
            var current = parser.Current;
            var inKey = frames.Count > 0 && (frames.Peek().InKey || (frames.Peek().Mapping && frames.Peek().ExpectKey));
            switch (current)
            {
                case Scalar scalar:
                    sites.Add(new ScalarSite(scalar.Value, scalar.Style, inKey, (int)scalar.Start.Line, (int)scalar.Start.Column));
                    Advance(frames);
                    break;
                case AnchorAlias:
                    hasAliases = true;
                    Advance(frames);
                    break;
                case MappingStart:
                    frames.Push((true, true, inKey));
                    break;
                case SequenceStart:
                    frames.Push((false, false, inKey));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    Advance(frames);
                    break;
            }
        }

        return sites;
    }

    // A node ended: in a mapping, a key is followed by a value and a value by a key.
    private static void Advance(Stack<(bool Mapping, bool ExpectKey, bool InKey)> frames)
    {
        if (frames.Count > 0 && frames.Peek().Mapping)
        {
            var top = frames.Pop();
            frames.Push(top with { ExpectKey = !top.ExpectKey });
        }
    }
}
