using System.Globalization;

namespace Keel.ApiServer.Apply.PatchFormats;

/// <summary>An RFC 6901 JSON pointer split into unescaped reference tokens.</summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    public string Last => Tokens[^1];

    public JsonPointer Parent => new(Text[..Text.LastIndexOf('/')], Tokens.Take(Tokens.Count - 1).ToArray());

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }
        if (text[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer {text}: it must be empty or start with '/'", PatchException.BadRequest);
        }
        var tokens = text[1..].Split('/')
            .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToArray();
        return new JsonPointer(text, tokens);
    }

    /// <summary>True when this pointer is a proper prefix of <paramref name="other"/> (moving a value into its own child).</summary>
    public bool IsProperPrefixOf(JsonPointer other) =>
        other.Tokens.Count > Tokens.Count && Tokens.Select((t, i) => t == other.Tokens[i]).All(same => same);

    /// <summary>An array index token: digits, or a negative index counted from the end (as the Kubernetes JSON patch library allows).</summary>
    public static bool TryIndex(string token, int count, out int index)
    {
        index = 0;
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        if (parsed < 0)
        {
            parsed += count;
        }
        index = parsed;
        return parsed >= 0;
    }
}
