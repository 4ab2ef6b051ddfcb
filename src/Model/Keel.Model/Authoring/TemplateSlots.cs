using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Keel.Model.Authoring;

/// <summary>
/// The placeholder numbers that let a template stand in an integer field of a Kubernetes model type. Each distinct
/// template text gets one number from a reserved range at the very bottom of int (no port, count or size is ever
/// there); the export replaces every such number by its template. Process-wide and thread-safe.
/// </summary>
internal static partial class TemplateSlots
{
    /// <summary>The first placeholder: int.MinValue + 1 (int.MinValue itself is left alone).</summary>
    public const int First = int.MinValue + 1;

    /// <summary>How many distinct templates can have a placeholder.</summary>
    public const int Capacity = 1 << 20;

    private static readonly ConcurrentDictionary<string, int> ByText = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, string> BySlot = new();
    private static readonly object Gate = new();

    public static int Reserve(string text)
    {
        if (ByText.TryGetValue(text, out var slot))
        {
            return slot;
        }

        lock (Gate)
        {
            if (ByText.TryGetValue(text, out slot))
            {
                return slot;
            }

            if (BySlot.Count >= Capacity)
            {
                throw new InvalidOperationException($"more than {Capacity} distinct templates used in integer fields");
            }

            slot = First + BySlot.Count;
            BySlot[slot] = text;
            ByText[text] = slot;
            return slot;
        }
    }

    /// <summary>Whether <paramref name="value"/> is a placeholder, and its template.</summary>
    public static bool TryGetTemplate(long value, out string text)
    {
        if (value >= First && value < (long)First + Capacity && BySlot.TryGetValue((int)value, out var found))
        {
            text = found;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The template of a placeholder, or the number in decimal: how an int parameter becomes text (args, flags).</summary>
    public static string Format(int value) =>
        TryGetTemplate(value, out var text) ? text : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A placeholder number written into a string as a number (<c>$"--port={port}"</c> on an int): a mistake to report.</summary>
    public static string? FindFormattedPlaceholder(string text)
    {
        foreach (Match match in PlaceholderDigits().Matches(text))
        {
            if (long.TryParse(match.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && TryGetTemplate(value, out var template))
            {
                return template;
            }
        }

        return null;
    }

    [GeneratedRegex(@"-214[67][0-9]{6}")]
    private static partial Regex PlaceholderDigits();
}
