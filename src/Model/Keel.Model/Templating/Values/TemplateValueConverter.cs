using System.Collections;

namespace Keel.Model.Templating.Values;

/// <summary>
/// Builds template values from plain CLR data (strings, numbers, booleans, dictionaries, lists),
/// such as parsed YAML or test fixtures. Type switches only, no reflection.
/// </summary>
public static class TemplateValueConverter
{
    private const int MaxDepth = 100;

    public static TemplateValue FromObject(object? value) => Convert(value, 0);

    private static TemplateValue Convert(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException("data nested deeper than 100 levels", nameof(value));
        }

        switch (value)
        {
            case null:
                return TemplateValue.Nil;
            case TemplateValue v:
                return v;
            case string s:
                return TemplateValue.FromString(s);
            case bool b:
                return TemplateValue.FromBool(b);
            case int i:
                return TemplateValue.FromInt(i);
            case long l:
                return TemplateValue.FromInt(l);
            case short s16:
                return TemplateValue.FromInt(s16);
            case byte u8:
                return TemplateValue.FromByte(u8);
            case double d:
                return TemplateValue.FromFloat(d);
            case float f:
                return TemplateValue.FromFloat(f);
            case decimal m:
                return TemplateValue.FromFloat((double)m);
            case ITemplateRecord record:
                return TemplateValue.FromRecord(record);
            case IDictionary dictionary:
                var map = new TemplateMap(GoKind.Nil, dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    map.Set(entry.Key.ToString() ?? string.Empty, Convert(entry.Value, depth + 1));
                }

                return TemplateValue.FromMap(map);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var pairMap = new TemplateMap(GoKind.Nil);
                foreach (var pair in pairs)
                {
                    pairMap.Set(pair.Key, Convert(pair.Value, depth + 1));
                }

                return TemplateValue.FromMap(pairMap);
            case IEnumerable sequence:
                var items = new List<TemplateValue>();
                foreach (var item in sequence)
                {
                    items.Add(Convert(item, depth + 1));
                }

                return TemplateValue.FromList(TemplateList.OfAny(items));
            default:
                return TemplateValue.FromString(value.ToString() ?? string.Empty);
        }
    }
}
