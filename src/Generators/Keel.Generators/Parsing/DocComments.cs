using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>Turns an XML doc comment's summary into a schema description (plain text, one space between words).</summary>
internal static class DocComments
{
    public static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: false);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var summary = XDocument.Parse(xml).Descendants("summary").FirstOrDefault();
            if (summary is null)
            {
                return null;
            }

            var text = new StringBuilder();
            Append(summary, text);
            var result = Normalize(text.ToString());
            return result.Length == 0 ? null : result;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement e when e.Name.LocalName is "see" or "seealso" or "paramref" or "typeparamref":
                    var reference = (string?)e.Attribute("langword") ?? (string?)e.Attribute("cref") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("href") ?? string.Empty;
                    text.Append(e.Value.Length > 0 ? e.Value : ShortName(reference));
                    break;
                case XElement e when e.Name.LocalName == "para":
                    text.Append("\n\n");
                    Append(e, text);
                    text.Append("\n\n");
                    break;
                case XElement e when e.Name.LocalName == "br":
                    text.Append('\n');
                    break;
                case XElement e:
                    Append(e, text);
                    break;
            }
        }
    }

    private static string ShortName(string cref)
    {
        var colon = cref.IndexOf(':');
        var name = colon >= 0 ? cref.Substring(colon + 1) : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name.Substring(0, paren);
        }

        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }

    // Words separated by single spaces; paragraphs by one blank line.
    private static string Normalize(string text)
    {
        var paragraphs = text.Replace("\r", string.Empty)
            .Split(new[] { "\n\n" }, StringSplitOptions.None)
            .Select(p => string.Join(" ", p.Split(new[] { ' ', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
