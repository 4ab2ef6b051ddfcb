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
}
