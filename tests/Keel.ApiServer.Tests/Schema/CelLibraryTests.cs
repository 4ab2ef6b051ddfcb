using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>The Kubernetes CEL libraries this server provides, evaluated through admission.</summary>
public sealed class CelLibraryTests
{
    private const string Fields = """
        "s":{"type":"string"},"n":{"type":"integer"},"d":{"type":"number"},
        "l":{"type":"array","items":{"type":"integer"}},"names":{"type":"array","items":{"type":"string"}},
        "m":{"type":"object","additionalProperties":{"type":"string"}}
        """;

    private const string Spec = """{"s":"Hello, World","n":5,"d":2.5,"l":[3,1,2],"names":["a","b"],"m":{"k":"v"}}""";

    private static string[] Evaluate(string rule, string spec = Spec)
    {
        var schema = "{\"type\":\"object\",\"properties\":{" + Fields + "},\"x-kubernetes-validations\":[{\"rule\":" + System.Text.Json.JsonSerializer.Serialize(rule) + "}]}";
        return Messages(AdmitSpec(schema, spec));
    }

    [Theory]
    [InlineData("self.s.size() == 12 && size(self.s) == 12")]
    [InlineData("self.s.startsWith('Hello') && self.s.endsWith('World') && self.s.contains(', ')")]
    [InlineData("self.s.matches('^H.*d$') && !self.s.matches('^h')")]
    [InlineData("self.s.lowerAscii() == 'hello, world' && self.s.upperAscii() == 'HELLO, WORLD'")]
    [InlineData("self.s.indexOf('o') == 4 && self.s.indexOf('o', 5) == 8 && self.s.lastIndexOf('o') == 8 && self.s.indexOf('z') == -1")]
    [InlineData("self.s.replace('o', '0') == 'Hell0, W0rld' && self.s.replace('o', '0', 1) == 'Hell0, World'")]
    [InlineData("self.s.split(', ') == ['Hello', 'World'] && 'a,b,c'.split(',', 2) == ['a', 'b,c']")]
    [InlineData("self.s.substring(7) == 'World' && self.s.substring(0, 5) == 'Hello'")]
    [InlineData("'  x  '.trim() == 'x' && self.s.charAt(1) == 'e' && 'abc'.reverse() == 'cba'")]
    [InlineData("self.names.join() == 'ab' && self.names.join('-') == 'a-b'")]
    [InlineData("'héllo'.size() == 5 && 'héllo'.charAt(1) == 'é' && 'héllo'.indexOf('l') == 2")]
    [InlineData("'%s has %d items, ratio %.2f'.format(['list', 3, 0.5]) == 'list has 3 items, ratio 0.50'")]
    [InlineData("self.s.find('[A-Z][a-z]+') == 'Hello' && self.s.findAll('o') == ['o', 'o'] && self.s.findAll('[A-Z]', 1) == ['H']")]
    [InlineData("self.l.isSorted() == false && [1, 2, 2].isSorted() && self.l.sum() == 6 && self.l.min() == 1 && self.l.max() == 3")]
    [InlineData("self.l.indexOf(1) == 1 && [1, 2, 1].lastIndexOf(1) == 2 && self.names.indexOf('z') == -1")]
    [InlineData("url('https://example.com:8443/a%20b?x=1&x=2').getHost() == 'example.com:8443'")]
    [InlineData("url('https://example.com:8443/p').getHostname() == 'example.com' && url('https://example.com:8443/p').getPort() == '8443'")]
    [InlineData("url('https://[::1]:80/').getHostname() == '::1' && url('hf://org/model').getScheme() == 'hf'")]
    [InlineData("url('/path?a=b').getEscapedPath() == '/path' && url('https://x/?k=v&k=w').getQuery()['k'] == ['v', 'w']")]
    [InlineData("isURL('https://example.com') && !isURL('not a url') && isURL('/absolute/path')")]
    [InlineData("quantity('1Gi').isGreaterThan(quantity('1G')) && quantity('500m').asApproximateFloat() == 0.5")]
    [InlineData("quantity('2k').asInteger() == 2000 && quantity('1.5').isInteger() == false && isQuantity('10Mi') && !isQuantity('ten')")]
    [InlineData("quantity('1Gi').add(quantity('1Gi')).compareTo(quantity('2Gi')) == 0 && quantity('1').sub(2).sign() == -1")]
    [InlineData("sets.contains([1, 2, 3], [1, 3]) && sets.equivalent([1, 2], [2, 1, 1]) && sets.intersects([1], [3, 1]) && !sets.intersects([1], [2])")]
    [InlineData("self.d > 2.0 && int(self.d) == 2 && double(self.n) == 5.0 && string(self.n) == '5' && uint(self.n) == 5u")]
    [InlineData("timestamp('2024-01-01T00:00:00Z').getFullYear() == 2024 && duration('1h30m').getMinutes() == 90")]
    [InlineData("self.m['k'] == 'v' && self.m.k == 'v' && 'k' in self.m && self.m.size() == 1")]
    [InlineData("[1, 2] + [3] == [1, 2, 3] && 'a' + 'b' == 'ab' && self.n % 2 == 1 && self.n / 2 == 2")]
    [InlineData("optional.of(1).hasValue() && !optional.none().hasValue() && optional.none().orValue(3) == 3 && optional.ofNonZeroValue('').hasValue() == false")]
    [InlineData("type(self.s) == string && type(self.n) == int && type(self.d) == double && type(self.l) == list")]
    [InlineData("dyn(self.n) == 5 && self.n == 5.0")]
    public void Expression_holds(string rule) => Assert.Empty(Evaluate(rule));

    [Theory]
    [InlineData("self.s.charAt(40) == ''", "index out of range: 40")]
    [InlineData("self.s.substring(5, 2) == ''", "invalid substring range. start: 5, end: 2")]
    [InlineData("url('::nope').getScheme() == ''", "URL parse error during conversion from string: parse \"::nope\": invalid URI for request")]
    [InlineData("quantity('abc').sign() == 0", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [InlineData("self.l[7] == 0", "index out of bounds")]
    [InlineData("self.m['missing'] == ''", "no such key")]
    [InlineData("self.n / 0 == 1", "division by zero")]
    [InlineData("self.n % 0 == 1", "modulus by zero")]
    [InlineData("9223372036854775807 + self.n > 0", "integer overflow")]
    [InlineData("[].min() == 0", "min(list) called on an empty list")]
    [InlineData("self.s.matches('(') ", "error parsing regexp: ")]
    public void Runtime_errors_read_like_cel_go(string rule, string error)
    {
        var message = Assert.Single(Evaluate(rule));

        Assert.StartsWith("spec: Invalid value: \"object\": " + error, message);
        Assert.EndsWith(" evaluating rule: " + rule.Trim(), message);
    }
}
