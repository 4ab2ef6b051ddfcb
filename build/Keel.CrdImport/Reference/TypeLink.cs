namespace Keel.CrdImport.Reference;

/// <summary>
/// A field documented as a link rather than expanded: <c>PathSuffix|Label|Url</c> on the command line, where the
/// path is <c>Kind.spec.field...</c> (list items add <c>[]</c>) and the suffix starts with a dot.
/// </summary>
internal sealed record TypeLink(string PathSuffix, string Label, string Url)
{
    public static TypeLink Parse(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 3 && parts[0].StartsWith('.')
            ? new TypeLink(parts[0], parts[1], parts[2])
            : throw new Import.ImportException($"--link {text}: expected .path.suffix|Label|url");
    }
}
