using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>
/// Number comparisons in validation follow apiextensions-apiserver, which works on values decoded into Go
/// (int64 for an integral literal that fits, float64 otherwise): ratcheting asks <c>reflect.DeepEqual</c>,
/// and kube-openapi's enum check converts the value to each member's Go type before comparing.
/// </summary>
public sealed class NumberSemanticsTests
{
    private const string AtLeastFive = """{"type":"object","properties":{"n":{"type":"number","minimum":5}}}""";

    [Fact]
    public void An_unchanged_invalid_number_ratchets()
    {
        Assert.Empty(AdmitSpec(AtLeastFive, """{"n":1}""", oldSpec: """{"n":1}""").Errors);
        Assert.Empty(AdmitSpec(AtLeastFive, """{"n":1.0}""", oldSpec: """{"n":1.00}""").Errors);
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1.0", "1")]
    [InlineData("1e0", "1")]
    public void Rewriting_an_int_as_a_float_is_a_change_and_does_not_ratchet(string old, string now) =>
        Assert.Single(AdmitSpec(AtLeastFive, $$"""{"n":{{now}}}""", oldSpec: $$"""{"n":{{old}}}""").Errors);

    [Fact]
    public void Rule_ratcheting_also_tells_an_int_from_a_float()
    {
        const string schema = """{"type":"object","properties":{"n":{"type":"number","x-kubernetes-validations":[{"rule":"self >= 5.0"}]}}}""";

        var unchanged = AdmitSpec(schema, """{"n":1.5}""", oldSpec: """{"n":1.5}""");
        Assert.Empty(unchanged.Errors);
        Assert.Single(unchanged.Warnings);
        Assert.Single(AdmitSpec(schema, """{"n":2.0}""", oldSpec: """{"n":2}""").Errors);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]      // float64 1 converts to int64 1
    [InlineData("1.5", true)]      // Go's int64(1.5) truncates to 1: the real server accepts it
    [InlineData("-0.5", false)]    // truncates to 0
    [InlineData("2", false)]
    [InlineData("\"1\"", false)]
    public void An_integer_enum_member_matches_values_converted_to_int64(string value, bool allowed) =>
        Assert.Equal(allowed, AdmitSpec("""{"type":"object","properties":{"n":{"type":"number","enum":[1]}}}""", $$"""{"n":{{value}}}""").Errors.Count == 0);

    [Theory]
    [InlineData("1.5", true)]
    [InlineData("1", false)]
    [InlineData("2", true)]        // int64 2 converts to float64 2
    [InlineData("2.0", true)]
    public void A_float_enum_member_matches_values_converted_to_float64(string value, bool allowed) =>
        Assert.Equal(allowed, AdmitSpec("""{"type":"object","properties":{"n":{"type":"number","enum":[1.5,2.0]}}}""", $$"""{"n":{{value}}}""").Errors.Count == 0);

    [Fact]
    public void A_large_integer_enum_member_is_not_matched_by_a_float_that_rounds_near_it()
    {
        const string schema = """{"type":"object","properties":{"n":{"type":"number","enum":[9007199254740993]}}}""";

        Assert.Empty(AdmitSpec(schema, """{"n":9007199254740993}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"n":9007199254740993.0}""").Errors); // float64 9007199254740992 → int64 ...992
    }

    [Fact]
    public void Numbers_nested_in_an_enum_member_compare_by_go_type()
    {
        const string schema = """{"type":"object","properties":{"o":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"enum":[{"a":1,"b":"x"}]}}}""";

        Assert.Empty(AdmitSpec(schema, """{"o":{"b":"x","a":1}}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"o":{"a":1.0,"b":"x"}}""").Errors);
    }

    [Theory]
    [InlineData("[1,1.0]", 0)]           // int64 1 and float64 1 are distinct map keys in Go
    [InlineData("[1,1]", 1)]
    [InlineData("[1.0,1.00]", 1)]        // one float64
    [InlineData("[{\"a\":1},{\"a\":1.0}]", 1)] // objects compare by their json.Marshal text
    public void Set_items_are_unique_by_go_type_and_value(string items, int duplicates) =>
        Assert.Equal(duplicates, AdmitSpec("""{"type":"object","properties":{"s":{"type":"array","x-kubernetes-list-type":"set","items":{"x-kubernetes-preserve-unknown-fields":true}}}}""", $$"""{"s":{{items}}}""").Errors.Count);
}
