using static Keel.Model.Tests.Templating.TemplateTestKit;

namespace Keel.Model.Tests.Templating;

/// <summary>One row per function (Go builtins, sprig, Helm, getPort) with the output Go + sprig give.</summary>
public sealed class FunctionTests
{
    [Theory]
    // builtins
    [InlineData("{{and 1 0 2}}|{{and 1 2}}|{{or 0 \"\" 3}}|{{or 0 \"\"}}", "0|2|3|")]
    [InlineData("{{and .False .Missing.X}}|{{or .True (fail \"never\")}}", "false|true")]
    [InlineData("{{not 0}} {{not \"x\"}} {{not .Missing}}", "true false true")]
    [InlineData("{{len .List}} {{len .Map}} {{len \"héllo\"}} {{len .EmptyList}}", "3 3 6 0")]
    [InlineData("{{index .List 1}} {{index .Map \"b\"}} {{index .Nested \"Inner\" \"Leaf\"}} {{index \"abc\" 0}}", "b 2 leaf 97")]
    [InlineData("{{index .Map \"zz\"}}", "<no value>")]
    [InlineData("{{index (split \",\" \"a,b\") \"zz\"}}|", "|")]
    [InlineData("{{print 1 2 \"a\" \"b\" 3}}", "1 2ab3")]
    [InlineData("{{println 1 \"a\"}}", "1 a\n")]
    [InlineData("{{html .Html}}", "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;")]
    [InlineData("{{html .Missing}}", "&lt;no value&gt;")]
    [InlineData("{{js \"a'b\\\"<c>&=\"}}", "a\\'b\\\"\\u003Cc\\u003E\\u0026\\u003D")]
    [InlineData("{{urlquery \"a b&c=d/é\"}}", "a+b%26c%3Dd%2F%C3%A9")]
    [InlineData("{{eq 1 1}} {{eq 1 2 3 1}} {{eq \"a\" \"a\"}} {{eq .Missing .Nil}} {{eq .Missing \"x\"}}", "true true true true false")]
    [InlineData("{{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}}", "true true true true false")]
    [InlineData("{{eq (getPort \"app_port\") 8000}} {{lt (index \"a\" 0) 98}}", "true true")]
    // getPort (compat: first match, -1 when unknown)
    [InlineData("{{getPort \"app_port\"}} {{\"internal\" | getPort}} {{getPort \"nope\"}}", "8000 8200 -1")]
    [InlineData("{{printf \"%T\" (getPort \"app_port\")}}", "int32")]
    // strings
    [InlineData("{{trim \"  a b \\n\"}}|{{trimAll \"$\" \"$$a$\"}}|{{trimPrefix \"a\" \"aab\"}}|{{trimSuffix \"b\" \"abb\"}}", "a b|a|ab|ab")]
    [InlineData("{{upper \"aé\"}} {{lower \"AÉ\"}} {{title \"hello wide-world o'neil\"}}", "AÉ aé Hello Wide-World O'Neil")]
    [InlineData("{{replace \"a\" \"x\" \"banana\"}} {{replace \"\" \"-\" \"ab\"}}", "bxnxnx -a-b-")]
    [InlineData("{{contains \"an\" \"banana\"}} {{hasPrefix \"ba\" \"banana\"}} {{hasSuffix \"x\" \"banana\"}}", "true true false")]
    [InlineData("{{quote \"a\" 1 nil \"b\\\"\"}}|{{squote \"a\" 2}}|{{cat \"a\" 1 nil 2.5}}", "\"a\" \"1\" \"b\\\"\"|'a' '2'|a 1 2.5")]
    [InlineData("{{indent 2 \"a\\nb\"}}|{{nindent 2 \"a\"}}", "  a\n  b|\n  a")]
    [InlineData("{{trunc 3 \"abcdef\"}} {{trunc -2 \"abcdef\"}} {{trunc 10 \"ab\"}} {{trunc -10 \"ab\"}}", "abc ef ab ab")]
    [InlineData("{{substr 1 3 \"abcdef\"}} {{substr -1 2 \"abcdef\"}} {{substr 2 -1 \"abcdef\"}} {{substr 2 99 \"abcdef\"}}", "bc ab cdef cdef")]
    [InlineData("{{repeat 3 \"ab\"}}|{{\"x\" | repeat 2}}", "ababab|xx")]
    [InlineData("{{split \"/\" \"a/b/c\"}} {{(split \"/\" \"a/b\")._1}}", "map[_0:a _1:b _2:c] b")]
    [InlineData("{{splitList \"/\" \"a/b\"}} {{splitList \"\" \"ab\"}} {{printf \"%T\" (splitList \",\" \"a\")}}", "[a b] [a b] []string")]
    [InlineData("{{join \"-\" .List}} {{join \",\" (list 1 nil \"x\")}} {{join \",\" \"solo\"}}", "a-b-c 1,x solo")]
    // defaults
    [InlineData("{{default \"d\" .Empty}} {{default \"d\" .Name}} {{default \"d\" .Missing}} {{.Zero | default 7}} {{default \"d\"}}", "d llama d 7 d")]
    [InlineData("{{empty 0}} {{empty \"\"}} {{empty .EmptyList}} {{empty .Missing}} {{empty 0.1}} {{empty false}} {{empty .Map}}", "true true true true false true false")]
    [InlineData("{{coalesce .Missing \"\" 0 \"x\" \"y\"}} {{coalesce .Empty}}", "x <no value>")]
    [InlineData("{{ternary \"a\" \"b\" true}} {{true | ternary 1 2}} {{ternary 1 2 false}}", "a 1 2")]
    [InlineData("{{required \"need name\" .Name}}", "llama")]
    // conversions (spf13/cast: invalid becomes 0)
    [InlineData("{{int \"42\"}} {{int \"0x1F\"}} {{int \"010\"}} {{int \"12.00\"}} {{int \"12.5\"}} {{int \"abc\"}} {{int 3.9}} {{int true}} {{int nil}}", "42 31 8 12 0 0 3 1 0")]
    [InlineData("{{int64 \"7\" | printf \"%T %v\"}} {{int \"7\" | printf \"%T\"}} {{atoi \"12\"}} {{atoi \"1_0\"}} {{atoi \"x\"}}", "int64 %!v(MISSING) int 12 0 0")]
    [InlineData("{{float64 \"1.5\"}} {{float64 2}} {{float64 \"x\"}} {{printf \"%T\" (float64 1)}}", "1.5 2 0 float64")]
    [InlineData("{{toString 12}} {{toString 1.5}} {{toString .List}} {{toString nil}}", "12 1.5 [a b c] <nil>")]
    [InlineData("{{toJson .Map}} {{toJson .List}} {{toJson .Html}} {{toJson 1e21}} {{toJson 0.0000001}} {{toJson nil}}", "{\"a\":1,\"b\":2,\"c\":3} [\"a\",\"b\",\"c\"] \"\\u003ca href=\\\"x\\\"\\u003e'\\u0026'\\u003c/a\\u003e\" 1e+21 1e-7 null")]
    [InlineData("{{(fromJson \"{\\\"a\\\":[1,\\\"x\\\"],\\\"b\\\":{\\\"c\\\":true}}\").b.c}} {{fromJson \"[1, 2.5]\"}} {{fromJson \"not json\"}}", "true [1 2.5] <no value>")]
    [InlineData("{{toYaml .Map}}", "a: 1\nb: 2\nc: 3")]
    [InlineData("{{toYaml .List}}", "- a\n- b\n- c")]
    [InlineData("{{toYaml .Name}}|{{toYaml \"true\"}}|{{toYaml \"a: b\"}}|{{toYaml \"\"}}|{{toYaml \"- x\"}}|{{toYaml \"1.5\"}}", "llama|\"true\"|'a: b'|\"\"|'- x'|\"1.5\"")]
    [InlineData("{{toYaml (dict \"k\" (list 1 (dict \"a\" \"x\" \"b\" (list))) \"m\" (dict) \"s\" \"l1\\nl2\")}}", "k:\n- 1\n- a: x\n  b: []\nm: {}\ns: |-\n  l1\n  l2")]
    [InlineData("{{toYaml (dict \"a10\" 1 \"a9\" 2 \"B\" 3 \"_x\" 4)}}", "_x: 4\nB: 3\na9: 2\na10: 1")]
    // lists
    [InlineData("{{list 1 \"a\" nil}} {{printf \"%T\" (list)}}", "[1 a <nil>] []interface {}")]
    [InlineData("{{first .List}} {{last .List}} {{first .EmptyList}} {{rest .List}} {{initial .List}}", "a c <no value> [b c] [a b]")]
    [InlineData("{{append .List \"d\"}} {{prepend .List \"z\"}} {{.List}}", "[a b c d] [z a b c] [a b c]")]
    [InlineData("{{has \"b\" .List}} {{has \"z\" .List}} {{has 1 (list 1 2)}} {{has 1 (list (int64 1))}}", "true false true false")]
    [InlineData("{{uniq (list 1 2 1 \"1\" 2)}} {{sortAlpha (list \"b\" \"B\" \"a\" 10)}} {{reverse .List}} {{compact (list 0 1 \"\" \"x\")}}", "[1 2 1] [10 B a b] [c b a] [1 x]")]
    [InlineData("{{slice .List 1}} {{slice .List 1 2}} {{slice .List}} {{slice .EmptyList}}", "[b c] [b] [a b c] <no value>")]
    [InlineData("{{until 3}} {{untilStep 0 10 4}} {{concat (list 1) (list 2 3)}} {{without .List \"b\"}}", "[0 1 2] [0 4 8] [1 2 3] [a c]")]
    // dicts (set mutates, as in sprig)
    [InlineData("{{$d := dict \"a\" 1 \"b\"}}{{$d}} {{get $d \"a\"}} {{get $d \"zz\"}}| {{hasKey $d \"b\"}}", "map[a:1 b:] 1 | true")]
    [InlineData("{{$d := dict}}{{$_ := set $d \"k\" \"v\"}}{{$d.k}} {{keys (dict \"b\" 1 \"a\" 2)}} {{$_ := unset $d \"k\"}}{{len $d}}", "v [a b] 0")]
    [InlineData("{{$a := dict \"x\" 1 \"n\" (dict \"p\" 1)}}{{$_ := merge $a (dict \"x\" 2 \"y\" 3 \"n\" (dict \"p\" 9 \"q\" 2))}}{{$a}}", "map[n:map[p:1 q:2] x:1 y:3]")]
    [InlineData("{{pick (dict \"a\" 1 \"b\" 2) \"a\"}} {{omit (dict \"a\" 1 \"b\" 2) \"a\"}} {{values (dict \"b\" 2 \"a\" 1)}}", "map[a:1] map[b:2] [1 2]")]
    // math (int64, cast rules)
    [InlineData("{{add 1 2 \"3\"}} {{sub 5 7}} {{mul 2 3 4}} {{div 7 2}} {{mod 7 3}} {{max 1 5 3}} {{min 4 \"2\" 9}} {{add1 1.9}}", "6 -2 24 3 1 5 2 2")]
    [InlineData("{{printf \"%T\" (add 1 1)}} {{floor 1.7}} {{ceil 1.2}}", "int64 1 2")]
    // encoding
    [InlineData("{{b64enc \"hello\"}} {{b64dec \"aGVsbG8=\"}} {{b64dec \"aGVsbG8\"}} {{b64dec \"a$==\"}}", "aGVsbG8= hello illegal base64 data at input byte 4 illegal base64 data at input byte 1")]
    [InlineData("{{sha256sum \"abc\"}}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    // regex (RE2 semantics)
    [InlineData("{{regexMatch \"^a.c$\" \"abc\"}} {{regexMatch \"^a.c$\" \"abc\\n\"}} {{regexMatch \"(\" \"x\"}}", "true false false")]
    [InlineData("{{regexFind \"[0-9]+\" \"ab123cd45\"}}|{{regexFind \"z\" \"abc\"}}|", "123||")]
    [InlineData("{{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\"}} {{regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\"}} {{regexReplaceAll \"a*\" \"baaac\" \"-\"}}", "-W-xxW- --- -b-c-")]
    [InlineData("{{regexReplaceAll \"(?P<first>\\\\w+) (\\\\w+)\" \"hello world\" \"$2 ${first}\"}}", "world hello")]
    [InlineData("{{regexFindAll \"[a-c]\" \"abcd\" -1}} {{regexFindAll \"[a-c]\" \"abcd\" 2}} {{regexSplit \",\" \"a,b,c\" -1}}", "[a b c] [a b] [a b c]")]
    public void Functions_behave_like_sprig(string template, string expected)
    {
        Assert.Equal(expected, Render(template));
    }

    [Theory]
    [InlineData("{{env \"HOME\"}}", "function \"env\" not defined")]
    [InlineData("{{expandenv \"$HOME\"}}", "function \"expandenv\" not defined")]
    [InlineData("{{now}}", "function \"now\" not defined")]
    [InlineData("{{randAlphaNum 5}}", "function \"randAlphaNum\" not defined")]
    [InlineData("{{uuidv4}}", "function \"uuidv4\" not defined")]
    [InlineData("{{getHostByName \"x\"}}", "function \"getHostByName\" not defined")]
    public void Functions_that_read_environment_clock_or_randomness_are_unknown_at_parse_time(string template, string message)
    {
        var error = Fail(template);
        Assert.Equal(Keel.Model.Templating.TemplateErrorKind.Parse, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Set_and_merge_change_their_first_argument_like_sprig()
    {
        Assert.Equal("map[a:1 b:2]", Render("{{$d := dict \"a\" 1}}{{if set $d \"b\" 2}}{{end}}{{$d}}"));
    }
}
