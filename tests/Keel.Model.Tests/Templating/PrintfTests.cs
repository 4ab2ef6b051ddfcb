using static Keel.Model.Tests.Templating.TemplateTestKit;

namespace Keel.Model.Tests.Templating;

/// <summary>Go's fmt through printf: verbs, flags, width, precision and the error forms.</summary>
public sealed class PrintfTests
{
    [Theory]
    [InlineData("%s|%v|%q|%x|%X", "\"héllo\"", "héllo|héllo|\"héllo\"|68c3a96c6c6f|68C3A96C6C6F")]
    [InlineData("%5s|%-5s|%.2s|%05s|%5.1s", "\"ab\"", "   ab|ab   |ab|000ab|    a")]
    [InlineData("%d|%5d|%-5d|%05d|%+d|% d|%x|%#x|%o|%#o|%O|%b|%c|%q|%U|%#U", "65", "65|   65|65   |00065|+65| 65|41|0x41|101|0101|0o101|1000001|A|'A'|U+0041|U+0041 'A'")]
    [InlineData("%d|%05d|%x|%.3d|%.0d", "-7", "-7|-0007|-7|-007|-7")]
    [InlineData("%v|%f|%.2f|%e|%E|%g|%G|%8.3f|%-8.2f|%+.1e", "3.14159", "3.14159|3.141590|3.14|3.141590e+00|3.141590E+00|3.14159|3.14159|   3.142|3.14    |+3.1e+00")]
    [InlineData("%.2f|%.1f|%.0f|%.0f", "0.125", "0.12|0.1|0|0")]
    [InlineData("%v|%v|%v|%g|%.3g|%e", "1e21", "1e+21|1e+21|1e+21|1e+21|1e+21|1.000000e+21")]
    [InlineData("=%v %v %v", "100000.0 1000000.0 0.0001", "100000 1e+06 0.0001")]
    [InlineData("%t|%v|%5t", "true", "true|true| true")]
    [InlineData("%d|%s|%t|%z", "\"x\"", "%!d(string=x)|x|%!t(string=x)|%!z(string=x)")]
    [InlineData("%s|%d|%v", "nil", "%!s(<nil>)|%!d(<nil>)|<nil>")]
    [InlineData("%d %d", "1", "1 %!d(MISSING)")]
    [InlineData("%d", "1 2", "1%!(EXTRA int=2)")]
    [InlineData("%[2]d %[1]d|%[3]d", "1 2", "2 1|%!d(BADINDEX)")]
    [InlineData("=%*d|%-*d|%.*f", "4 7 3 8 2 1.5", "   7|8  |1.50")]
    [InlineData("100%%|%", "", "100%|%!(NOVERB)")]
    [InlineData("%v|%d|%s|%q", "(list 1 2)", "[1 2]|[1 2]|[%!s(int=1) %!s(int=2)]|['\\x01' '\\x02']")]
    [InlineData("%v|%s|%q|%x", "(list \"a\" \"b\")", "[a b]|[a b]|[\"a\" \"b\"]|[61 62]")]
    [InlineData("%v|%d", "(dict \"b\" 2 \"a\" 1)", "map[a:1 b:2]|map[%!d(string=a):1 %!d(string=b):2]")]
    [InlineData("=%T|%T|%T|%T|%T|%T|%T", "1 1.5 \"s\" true (list) (dict) nil", "int|float64|string|bool|[]interface {}|map[string]interface {}|<nil>")]
    [InlineData("=%#v|%#v|%#v", "\"a\" (list 1 \"b\") (dict \"k\" nil)", "\"a\"|[]interface {}{1, \"b\"}|map[string]interface {}{\"k\":interface {}(nil)}")]
    [InlineData("%v|%.2v", "(list nil)", "[<nil>]|[<nil>]")]
    [InlineData("%x|%X|% x", "\"hi\"", "6869|6869|68 69")]
    [InlineData("%6.2f|%06.2f|%-06.2f|%+06.1f", "-1.5", " -1.50|-01.50|-1.50 |-001.5")]
    [InlineData("%b", "5.0", "5629499534213120p-50")]
    [InlineData("%x", "1.0", "0x1p+00")]
    [InlineData("%v", "1+2i", "(1+2i)")]
    public void Printf_formats_like_Go(string formats, string args, string expected)
    {
        // Each '|'-separated format is rendered on its own with the same arguments, unless the row
        // is one format whose verbs consume the arguments in turn (marked by a leading '=').
        var whole = formats.StartsWith('=');
        var parts = whole ? [formats[1..]] : formats.Split('|');
        var rendered = parts.Select(format =>
            Render("{{printf \"" + format.Replace("\"", "\\\"", StringComparison.Ordinal) + "\" " + args + "}}"));
        Assert.Equal(expected, string.Join("|", rendered));
    }

    [Fact]
    public void Variables_record_prints_as_a_Go_struct()
    {
        var vars = Keel.Model.Templating.Values.TemplateValue.FromRecord(Variables());
        var plain = Render("{{printf \"%v\" .}}", vars);
        Assert.StartsWith("{my-llama team-a meta-llama/Llama-3.2-3B-Instruct meta-llama/Llama-3.2-3B-Instruct meta-llama-llama-3-2-3b-instruct ", plain, StringComparison.Ordinal);
        Assert.StartsWith("{ModelServiceName:my-llama ModelServiceNamespace:team-a ", Render("{{printf \"%+v\" .}}", vars), StringComparison.Ordinal);
        Assert.Equal("variables", Render("{{printf \"%T\" .}}", vars));
    }
}
