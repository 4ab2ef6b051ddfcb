using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>RFC 6902 operations and the API server's error statuses for them.</summary>
public sealed class JsonPatchTests
{
    private static JsonNode Patch(string target, string operations) =>
        Patches.JsonPatch(JsonNode.Parse(target)!, Json.Arr(operations));

    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":"x"}]""", """{"foo":["bar","x"]}""")]
    [InlineData("""{"foo":"bar","baz":"qux"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"}]""", """{"a":{"b":1},"c":{"b":1}}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"metadata":{"labels":{"a/b":"1","m~n":"2"}}}""", """[{"op":"remove","path":"/metadata/labels/a~1b"},{"op":"replace","path":"/metadata/labels/m~0n","value":"3"}]""", """{"metadata":{"labels":{"m~n":"3"}}}""")]
    [InlineData("""{"spec":{"replicas":1}}""", """[{"op":"add","path":"/spec/replicas","value":5}]""", """{"spec":{"replicas":5}}""")]
    [InlineData("""{"a":[1,2,3]}""", """[{"op":"remove","path":"/a/-1"}]""", """{"a":[1,2]}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]""", """{"b":2}""")]
    public void Operations_apply_in_order(string target, string operations, string expected) =>
        Json.Equal(expected, Patch(target, operations));

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]""", "testing value /a failed: test failed")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/b","value":2}]""", "replace operation does not apply: doc is missing key: /b: missing value")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/x/y","value":2}]""", "add operation does not apply: doc is missing path: \"/x/y\": missing value")]
    [InlineData("""{"a":1}""", """[{"op":"remove","path":"/b"}]""", "remove operation does not apply: doc is missing path: \"/b\": missing value")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/5","value":2}]""", "Unable to access invalid index: 5: invalid index referenced")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", "move operation does not apply: cannot move /a into its own child /a/b/c")]
    public void Operations_that_do_not_apply_are_unprocessable(string target, string operations, string message)
    {
        var error = Assert.Throws<PatchException>(() => Patch(target, operations));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""[{"path":"/a"}]""")]
    [InlineData("""[{"op":"add","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a"}]""")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""")]
    [InlineData("""[1]""")]
    public void Malformed_operations_are_bad_requests(string operations) =>
        Assert.Equal(400, Assert.Throws<PatchException>(() => Patch("""{"a":1}""", operations)).StatusCode);

    [Fact]
    public void A_failing_operation_leaves_the_target_untouched()
    {
        var target = Json.Obj("""{"a":1}""");

        Assert.Throws<PatchException>(() => Patches.JsonPatch(target, Json.Arr("""[{"op":"add","path":"/b","value":2},{"op":"test","path":"/a","value":9}]""")));

        Assert.Equal("""{"a":1}""", Json.Text(target));
    }
}
