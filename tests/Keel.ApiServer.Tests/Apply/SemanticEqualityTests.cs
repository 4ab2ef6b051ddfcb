using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

public sealed class SemanticEqualityTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1.0}""", true)]
    [InlineData("""{"a":1}""", """{"a":2}""", false)]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", false)]
    [InlineData("""{"a":null}""", """{}""", false)]
    [InlineData("""{"metadata":{"managedFields":[{"manager":"a","time":"2025-01-01T00:00:00Z","fieldsV1":{}}]}}""", """{"metadata":{"managedFields":[{"manager":"a","time":"2026-01-01T00:00:00Z","fieldsV1":{}}]}}""", true)]
    [InlineData("""{"metadata":{"managedFields":[{"manager":"a","fieldsV1":{}}]}}""", """{"metadata":{"managedFields":[{"manager":"b","fieldsV1":{}}]}}""", false)]
    [InlineData("""{"metadata":{"managedFields":[{"manager":"a","fieldsV1":{"f:x":{}}}]}}""", """{"metadata":{"managedFields":[{"manager":"a","fieldsV1":{}}]}}""", false)]
    [InlineData("""{"spec":{"time":"1"}}""", """{"spec":{"time":"2"}}""", false)]
    public void Equality_ignores_only_managed_fields_times(string a, string b, bool equal) =>
        Assert.Equal(equal, FieldManager.SemanticallyEqual(Json.Obj(a), Json.Obj(b)));

    /// <summary>
    /// A write is a no-op when the API server would store the same bytes: numbers are decoded as Go does
    /// (int64 or float64) and compared as <c>json.Marshal</c> writes them.
    /// </summary>
    [Theory]
    [InlineData("1e2", "100", true)]
    [InlineData("0.1", "0.1000000000000000000001", true)]   // one float64: the server stores "0.1" both times
    [InlineData("1e-30", "2e-30", false)]                    // different float64s: the write must land
    [InlineData("9007199254740993", "9007199254740992.0", false)]
    [InlineData("-0.0", "0", false)]                         // stored as "-0" and "0"
    [InlineData("\"1\"", "1", false)]
    public void A_write_is_a_no_op_when_its_numbers_encode_the_same(string before, string after, bool noOp) =>
        Assert.Equal(noOp, FieldManager.SemanticallyEqual(Json.Obj($$$"""{"spec":{"n":{{{before}}}}}"""), Json.Obj($$$"""{"spec":{"n":{{{after}}}}}""")));
}
