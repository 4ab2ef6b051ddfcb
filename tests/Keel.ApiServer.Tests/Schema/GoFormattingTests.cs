using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Tests.Schema;

public sealed class GoFormattingTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("tab\tnew\n", "\"tab\\tnew\\n\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("ctl\u0001", "\"ctl\\x01\"")]
    [InlineData("ünï", "\"ünï\"")]
    [InlineData("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    public void Quote_matches_strconv_Quote(string input, string expected) => Assert.Equal(expected, GoFormatting.Quote(input));

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(10.0, "10")]
    [InlineData(123456.0, "123456")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0")]
    public void Float_matches_go_percent_v(double value, string expected) => Assert.Equal(expected, GoFormatting.Float(value));

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(2.5, "2.5")]
    public void JsonFloat_matches_encoding_json(double value, string expected) => Assert.Equal(expected, GoFormatting.JsonFloat(value));

    [Fact]
    public void GoSyntax_renders_unstructured_values_like_percent_sharp_v()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",true,null],"a":{"n":2.5}}""");

        Assert.Equal("map[string]interface {}{\"a\":map[string]interface {}{\"n\":2.5}, \"b\":[]interface {}{1, \"x\", true, interface {}(nil)}}", GoFormatting.GoSyntax(value));
    }
}
