using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>Rule idioms found in widely used CRDs (Gateway API, Karpenter, Cluster API, cert-manager) must compile here.</summary>
public sealed class CelIdiomTests
{
    private static readonly SchemaNode Node = SchemaParser.Parse(JsonNode.Parse("""
        {"type":"object","properties":{
          "name":{"type":"string"},"value":{"type":"string"},"replicas":{"type":"integer"},"enabled":{"type":"boolean"},
          "time":{"type":"string","format":"date-time"},"after":{"type":"string"},"url":{"type":"string"},
          "port":{"x-kubernetes-int-or-string":true},
          "path":{"type":"object","properties":{"type":{"type":"string"},"value":{"type":"string"}}},
          "filters":{"type":"array","items":{"type":"object","properties":{
            "type":{"type":"string"},"urlRewrite":{"type":"object","properties":{"path":{"type":"string"}}},
            "requestHeaderModifier":{"type":"object","properties":{"set":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}}}},
          "requirements":{"type":"array","items":{"type":"object","properties":{
            "key":{"type":"string"},"operator":{"type":"string"},"values":{"type":"array","items":{"type":"string"}}}}},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "tags":{"type":"array","items":{"type":"string"}}}}
        """)!.AsObject());

    [Theory]
    [InlineData("(size(self.value) > 0 ? self.value.matches(r\"^[a-zA-Z0-9!#$%&'*+\\-.^_`|~]+$\") : true)")]
    [InlineData("self.filters.all(f1, self.filters.exists_one(f2, f1.type == f2.type))")]
    [InlineData("!(self.filters.exists(f, f.type == 'RequestRedirect') && self.filters.exists(f, f.type == 'URLRewrite'))")]
    [InlineData("self.filters.all(f, f.type == 'RequestHeaderModifier' ? has(f.requestHeaderModifier) : !has(f.requestHeaderModifier))")]
    [InlineData("(has(self.path) ? (self.path.type == 'PathPrefix' ? self.path.value.startsWith('/') : true) : true)")]
    [InlineData("self.filters.exists(f, f.type == 'URLRewrite' && has(f.urlRewrite.path)) ? self.path.type == 'PathPrefix' : true")]
    [InlineData("self.filters.size() <= 16 && self.tags.all(t, t in ['a', 'b'])")]
    [InlineData("self.requirements.all(x, x.operator == 'In' ? x.values.size() != 0 : true)")]
    [InlineData("!has(self.after) || self.after.matches('^(([0-9]+(s|m|h))+)|(Never)$')")]
    [InlineData("self.value.matches('^v?(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)$')")]
    [InlineData("self.tags.map(t, t.lowerAscii()).size() == self.tags.size()")]
    [InlineData("int(self.replicas) > 0 && self.replicas % 2 == 0 && double(self.replicas) / 2.0 > 0.5")]
    [InlineData("self.name.startsWith('/') && !self.name.contains('..') && self.name.split('/').size() == 2")]
    [InlineData("self.requirements.filter(r, r.key == 'zone').all(r, r.values.size() == 1)")]
    [InlineData("has(self.enabled) ? self.enabled : true")]
    [InlineData("string(self.replicas) + '-' + self.name != ''")]
    [InlineData("[has(self.name), has(self.value)].exists_one(x, x)")]
    [InlineData("oldSelf == null || self.name == oldSelf.name")]
    [InlineData("!has(oldSelf.name) || has(self.name)")]
    [InlineData("self.labels.size() == 0 || self.labels.all(k, k.size() <= 63 && self.labels[k].size() <= 63)")]
    [InlineData("'app' in self.labels && self.url.endsWith('.svc.cluster.local')")]
    [InlineData("self.url.startsWith('https://') && isURL(self.url) && url(self.url).getHost() != ''")]
    [InlineData("self.time > timestamp('2020-01-01T00:00:00Z') && self.time.getFullYear() >= 2020")]
    [InlineData("type(self.port) == string || (type(self.port) == int && self.port >= 1)")]
    [InlineData("self.filters.exists(e, e.type == 'x') == false")]
    [InlineData("duration(self.after) >= duration('1s')")]
    [InlineData("self.tags.size() == 0 || self.tags[0] != ''")]
    [InlineData("self.requirements.all(r, !has(r.values) || r.values.all(v, v.size() > 0))")]
    [InlineData("self.name.size() <= 253 && self.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')")]
    [InlineData("self.replicas >= 0 ? true : false")]
    [InlineData("self.tags.all(x, self.tags.exists_one(y, x == y))")]
    [InlineData("!has(self.port) || (type(self.port) == int ? self.port > 0 : self.port.matches('^[0-9]+%$'))")]
    public void Common_rules_compile(string rule)
    {
        var compiled = CelRuleCompiler.Compile(new ValidationRuleSpec(rule, "", "", null, "", null), CelShape.For(Node, false), Node);

        Assert.Null(compiled.Error);
        Assert.NotNull(compiled.Program);
    }
}
