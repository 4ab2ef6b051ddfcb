using System.Text.Json.Nodes;
using ApplyJsonValues = Keel.ApiServer.Apply.Json.JsonValues;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Tests.Values;

/// <summary>
/// Pins how each <see cref="NumberEquality"/> rule compares numbers, with Go's decoding of unstructured JSON
/// (integral literal that fits → int64, anything else → float64) as the starting point.
/// </summary>
public sealed class JsonEqualityTests
{
    //           a                               b                                MergeDiff Encoded GoTyped
    [Theory]
    [InlineData("1",                             "1",                             true,  true,  true)]
    [InlineData("1",                             "2",                             false, false, false)]
    [InlineData("1",                             "1.0",                           true,  true,  false)] // int64 1 vs float64 1
    [InlineData("1.0",                           "1.00",                          true,  true,  true)]  // both float64 1
    [InlineData("1e2",                           "100",                           true,  true,  false)] // float64 100 vs int64 100
    [InlineData("1e2",                           "100.0",                         true,  true,  true)]
    [InlineData("9007199254740993",              "9007199254740992",              false, false, false)] // int64s stay exact past 2^53
    [InlineData("9007199254740993",              "9007199254740992.0",            true,  false, false)] // smd rounds the int64 to float64 first
    [InlineData("9007199254740993.0",            "9007199254740992.0",            true,  true,  true)]  // the same float64
    [InlineData("9223372036854775807",           "9223372036854775807",           true,  true,  true)]  // int64 max
    [InlineData("9223372036854775808",           "9223372036854775809",           true,  true,  true)]  // past int64: both float64 2^63
    [InlineData("100000000000000000000",         "1e20",                          true,  true,  true)]
    [InlineData("0.1",                           "0.1000000000000000000001",      true,  true,  true)]  // the same float64
    [InlineData("1e-30",                         "2e-30",                         false, false, false)]
    [InlineData("-0",                            "0",                             true,  true,  true)]  // "-0" decodes as int64 0
    [InlineData("-0.0",                          "0",                             true,  false, false)] // json.Marshal writes "-0"
    [InlineData("-0.0",                          "0.0",                           true,  false, true)]  // float64 == treats -0 as 0
    [InlineData("\"1\"",                         "1",                             false, false, false)]
    [InlineData("\"1\"",                         "\"1.0\"",                       false, false, false)]
    [InlineData("true",                          "1",                             false, false, false)]
    [InlineData("true",                          "false",                         false, false, false)]
    [InlineData("null",                          "null",                          true,  true,  true)]
    [InlineData("null",                          "0",                             false, false, false)]
    [InlineData("null",                          "\"\"",                          false, false, false)]
    [InlineData("""{"a":1,"b":[1,2]}""",         """{"b":[1,2],"a":1}""",         true,  true,  true)]  // key order never matters
    [InlineData("""{"a":1}""",                   """{"a":1.0}""",                 true,  true,  false)]
    [InlineData("""{"a":null}""",                """{}""",                        false, false, false)]
    [InlineData("""[1,2]""",                     """[2,1]""",                     false, false, false)] // array order does
    [InlineData("""[1]""",                       """[1.0]""",                     true,  true,  false)]
    public void Numbers_compare_by_the_chosen_rule(string a, string b, bool mergeDiff, bool encoded, bool goTyped)
    {
        Assert.Equal(mergeDiff, Equal(a, b, NumberEquality.MergeDiff));
        Assert.Equal(encoded, Equal(a, b, NumberEquality.Encoded));
        Assert.Equal(goTyped, Equal(a, b, NumberEquality.GoTyped));
        // Every rule is symmetric.
        Assert.Equal(mergeDiff, Equal(b, a, NumberEquality.MergeDiff));
        Assert.Equal(encoded, Equal(b, a, NumberEquality.Encoded));
        Assert.Equal(goTyped, Equal(b, a, NumberEquality.GoTyped));
    }

    [Fact]
    public void A_missing_node_is_json_null()
    {
        Assert.True(JsonEquality.DeepEquals(null, JsonNode.Parse("null"), NumberEquality.GoTyped));
        Assert.False(JsonEquality.DeepEquals(null, JsonValue.Create(0), NumberEquality.MergeDiff));
    }

    [Fact]
    public void Numbers_built_in_code_decode_like_parsed_ones()
    {
        Assert.True(JsonEquality.DeepEquals(JsonValue.Create(1L), JsonNode.Parse("1"), NumberEquality.GoTyped));
        Assert.True(JsonEquality.DeepEquals(JsonValue.Create(1.0), JsonNode.Parse("1.0"), NumberEquality.GoTyped));
        Assert.False(JsonEquality.DeepEquals(JsonValue.Create(1.0), JsonNode.Parse("1"), NumberEquality.GoTyped));
    }

    [Theory]
    [InlineData("1", "int64", 1L)]
    [InlineData("-0", "int64", 0L)]
    [InlineData("1.0", "float64", 1.0)]
    [InlineData("1e2", "float64", 100.0)]
    [InlineData("9223372036854775808", "float64", 9223372036854775808.0)]
    public void Literals_decode_as_go_does(string literal, string goType, object value)
    {
        var number = GoNumber.Of(JsonNode.Parse(literal)!.AsValue());

        Assert.Equal(goType, number.IsInteger ? "int64" : "float64");
        Assert.Equal(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), number.AsFloat);
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1e2", "100")]
    [InlineData("-0.0", "0")]
    [InlineData("9007199254740993", "9007199254740992.0")]
    [InlineData("""{"a":1,"b":2}""", """{"b":2.0,"a":1}""")]
    public void The_merge_order_and_hash_agree_with_merge_diff_equality(string a, string b)
    {
        var x = JsonNode.Parse(a);
        var y = JsonNode.Parse(b);

        Assert.True(JsonEquality.DeepEquals(x, y, NumberEquality.MergeDiff));
        Assert.Equal(0, ApplyJsonValues.Compare(x, y));
        Assert.Equal(ApplyJsonValues.Hash(x), ApplyJsonValues.Hash(y));
    }

    [Fact]
    public void The_merge_order_puts_ints_and_floats_on_one_number_line()
    {
        Assert.True(ApplyJsonValues.Compare(JsonNode.Parse("1"), JsonNode.Parse("1.5")) < 0);
        Assert.True(ApplyJsonValues.Compare(JsonNode.Parse("2"), JsonNode.Parse("1.5")) > 0);
        Assert.True(ApplyJsonValues.Compare(JsonNode.Parse("9007199254740993"), JsonNode.Parse("9007199254740992")) > 0);
        Assert.True(ApplyJsonValues.Compare(JsonNode.Parse("1e-30"), JsonNode.Parse("2e-30")) < 0);
    }

    private static bool Equal(string a, string b, NumberEquality numbers) =>
        JsonEquality.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b), numbers);
}
