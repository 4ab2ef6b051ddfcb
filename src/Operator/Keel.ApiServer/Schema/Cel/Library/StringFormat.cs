using System.Collections;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// <c>"...".format([args])</c> from the strings library: <c>%s %d %f %.Nf %e %x %X %o %b %%</c>.
/// </summary>
internal static class StringFormat
{
    public static string Format(string template, IList args)
    {
        var builder = new StringBuilder(template.Length + 16);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '%')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= template.Length)
            {
                throw new CelEvaluationException("could not parse formatting clause: unexpected end of string");
            }

            if (template[i] == '%')
            {
                builder.Append('%');
                continue;
            }

            int? precision = null;
            if (template[i] == '.')
            {
                var start = ++i;
                while (i < template.Length && char.IsAsciiDigit(template[i]))
                {
                    i++;
                }

                if (i == start || i >= template.Length)
                {
                    throw new CelEvaluationException("could not parse formatting clause: malformed precision");
                }

                precision = int.Parse(template.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            }

            if (next >= args.Count)
            {
                throw new CelEvaluationException(string.Create(CultureInfo.InvariantCulture, $"index {next} out of range"));
            }

            builder.Append(Clause(template[i], precision, args[next++]));
        }

        return builder.ToString();
    }

    private static string Clause(char verb, int? precision, object? arg) => verb switch
    {
        's' => AsString(arg, nested: false),
        'd' => arg switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            ulong u => u.ToString(CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => throw Unsupported("decimal", arg),
        },
        'f' => Number(arg, "fixed-point").ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        'e' => Scientific(Number(arg, "scientific"), precision ?? 6),
        'x' => Hex(arg, upper: false),
        'X' => Hex(arg, upper: true),
        'o' => arg is long o && o >= 0 ? Convert.ToString(o, 8) : throw Unsupported("octal", arg),
        'b' => arg switch
        {
            long b and >= 0 => Convert.ToString(b, 2),
            bool flag => flag ? "1" : "0",
            _ => throw Unsupported("binary", arg),
        },
        _ => throw new CelEvaluationException($"could not parse formatting clause: unrecognized formatting clause \"{verb}\""),
    };

    private static Exception Unsupported(string clause, object? arg) =>
        new CelEvaluationException($"error during formatting: {clause} clause can only be used on integers, was given {TypeName(arg)}");

    private static double Number(object? arg, string clause) => arg switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        int i => i,
        _ => throw new CelEvaluationException($"error during formatting: {clause} clause can only be used on doubles, was given {TypeName(arg)}"),
    };

    private static string Scientific(double value, int precision)
    {
        var text = value.ToString("e" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // .NET writes e+006; Go writes e+06.
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Hex(object? arg, bool upper)
    {
        var text = arg switch
        {
            long l when l >= 0 => l.ToString("x", CultureInfo.InvariantCulture),
            long l => "-" + (-l).ToString("x", CultureInfo.InvariantCulture),
            ulong u => u.ToString("x", CultureInfo.InvariantCulture),
            string s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
            ByteString b => Convert.ToHexStringLower(b.ToByteArray()),
            _ => throw new CelEvaluationException($"error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given {TypeName(arg)}"),
        };
        return upper ? text.ToUpperInvariant() : text;
    }

    public static string AsString(object? arg, bool nested) => arg switch
    {
        null => "null",
        string s => nested ? GoFormatting.Quote(s) : s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => GoFormatting.Float(d),
        ByteString bytes => bytes.ToStringUtf8(),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z",
        Timestamp t => AsString(t.ToDateTimeOffset(), nested),
        TimeSpan span => span.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        Duration d => AsString(d.ToTimeSpan(), nested),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object?>().OrderBy(k => AsString(k, true), StringComparer.Ordinal)
            .Select(k => AsString(k, true) + ": " + AsString(map[k!], true))) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(v => AsString(v, true))) + "]",
        _ => arg.ToString() ?? "",
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        string => "string",
        bool => "bool",
        long or int => "int",
        ulong => "uint",
        double => "double",
        ByteString => "bytes",
        Timestamp or DateTimeOffset => "google.protobuf.Timestamp",
        Duration or TimeSpan => "google.protobuf.Duration",
        IDictionary => "map",
        IList => "list",
        _ => value.GetType().Name,
    };
}
