using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>What the static checker rejects at CRD creation, with cel-go's wording and caret snippets.</summary>
public sealed class CelCheckerTests
{
    private static readonly SchemaNode Node = SchemaParser.Parse(JsonNode.Parse("""
        {"type":"object","properties":{
          "name":{"type":"string"},"replicas":{"type":"integer"},"ratio":{"type":"number"},
          "ports":{"type":"array","items":{"type":"object","properties":{"port":{"type":"integer"}}}},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "port":{"x-kubernetes-int-or-string":true},
          "free":{"x-kubernetes-preserve-unknown-fields":true}}}
        """)!.AsObject());

    private static CompiledRule Compile(string rule, string messageExpression = "", bool optionalOldSelf = false) =>
        CelRuleCompiler.Compile(new ValidationRuleSpec(rule, "", messageExpression, null, "", optionalOldSelf ? true : null), CelShape.For(Node, false), Node);

    [Theory]
    [InlineData("self.name.size() > 0 && self.replicas >= 1")]
    [InlineData("self.ports.all(p, p.port > 0 && p.port < 65536)")]
    [InlineData("self.labels.exists(k, self.labels[k] == 'x')")]
    [InlineData("type(self.port) == string ? self.port.endsWith('%') : self.port > 0")]
    [InlineData("!has(self.name) || self.name.matches('^[a-z]+$')")]
    [InlineData("self.ratio > 0.5 && self.replicas < 3.5")]
    [InlineData("has(self.labels.app) ? self.labels.app != '' : true")]
    [InlineData("self == oldSelf")]
    public void Valid_rules_compile(string rule)
    {
        var compiled = Compile(rule);

        Assert.Null(compiled.Error);
        Assert.NotNull(compiled.Program);
    }

    [Fact]
    public void Undefined_field_points_at_the_selection()
    {
        var compiled = Compile("self.nmae == 'x'");

        Assert.Equal("compilation failed: ERROR: <input>:1:5: undefined field 'nmae'\n | self.nmae == 'x'\n | ....^", compiled.Error);
    }

    [Fact]
    public void Fields_of_preserve_unknown_nodes_without_type_are_invisible()
    {
        Assert.Contains("undefined field 'free'", Compile("self.free.x == 1").Error);
    }

    [Fact]
    public void Operand_type_mismatch_is_no_matching_overload()
    {
        Assert.Contains("found no matching overload for '_==_' applied to '(int, string)'", Compile("self.replicas == 'three'").Error);
        Assert.Contains("found no matching overload for '_+_' applied to '(int, double)'", Compile("self.replicas + self.ratio > 1.0").Error);
        Assert.Contains("found no matching overload for 'startsWith' applied to 'int.(string)'", Compile("self.replicas.startsWith('a')").Error);
    }

    [Fact]
    public void Equality_the_interpreter_cannot_evaluate_is_refused()
    {
        Assert.Contains("found no matching overload for '_==_' applied to '(kubernetes.Quantity, kubernetes.Quantity)'", Compile("quantity('1') == quantity('1')").Error);
        Assert.Null(Compile("quantity('1').compareTo(quantity('1')) == 0").Error);
    }

    [Fact]
    public void Unknown_functions_and_identifiers_are_undeclared_references()
    {
        Assert.Contains("undeclared reference to 'frobnicate' (in container '')", Compile("self.name.frobnicate()").Error);
        Assert.Contains("undeclared reference to 'other' (in container '')", Compile("other == 1").Error);
        Assert.Contains("undeclared reference to 'lowerAscii' (in container '')", Compile("lowerAscii(self.name) == 'a'").Error);
    }

    [Fact]
    public void Rule_must_be_boolean_and_message_expression_a_string()
    {
        Assert.Equal("cel expression must evaluate to a bool", Compile("self.name").Error);

        var compiled = Compile("self.replicas > 0", messageExpression: "self.replicas");
        Assert.Null(compiled.Error);
        Assert.Equal("messageExpression must evaluate to a string", compiled.MessageExpressionError);
        Assert.StartsWith("messageExpression compilation failed: ERROR: <input>:1:5: undefined field 'x'", Compile("true", messageExpression: "self.x").MessageExpressionError);
    }

    [Fact]
    public void Syntax_errors_are_reported_with_position()
    {
        var error = Compile("self.name ==").Error!;

        Assert.StartsWith("compilation failed: ERROR: <input>:1:13: Syntax error: ", error);
        Assert.Contains(Compile("self.name $ 1").Error!, x => x == '^');
    }

    [Theory]
    [InlineData("self.?name.orValue('') == ''", "optional field selection ('.?') is not supported")]
    [InlineData("self.labels[?'a'].hasValue()", "optional index ('[?') is not supported")]
    [InlineData("self.ports.all(i, p, p.port > 0)", "the three-argument form of all() is not supported")]
    [InlineData("google.protobuf.Int64Value{value: 1} == 1", "message construction is not supported")]
    public void Syntax_the_interpreter_would_misread_is_rejected_with_a_clear_error(string rule, string message)
    {
        Assert.Contains(message, Compile(rule).Error);
    }

    [Fact]
    public void Transition_rules_are_recognised_and_optional_old_self_is_an_optional()
    {
        Assert.True(Compile("self.name == oldSelf.name").UsesOldSelf);
        Assert.False(Compile("self.ports.all(oldSelf, oldSelf.port > 0)").UsesOldSelf);
        Assert.Null(Compile("oldSelf.hasValue() ? oldSelf.value().name == self.name : true", optionalOldSelf: true).Error);
        Assert.Contains("type 'optional_type(object)' does not support field selection", Compile("oldSelf.name == self.name", optionalOldSelf: true).Error);
    }

    [Fact]
    public void Field_path_is_resolved_against_the_schema()
    {
        static CompiledRule WithPath(string path) =>
            CelRuleCompiler.Compile(new ValidationRuleSpec("true", "", "", null, path, null), CelShape.For(Node, false), Node);

        Assert.Equal("ports", WithPath(".ports").NormalizedFieldPath);
        Assert.Equal("labels[app.kubernetes.io/name]", WithPath(".labels['app.kubernetes.io/name']").NormalizedFieldPath);
        Assert.Equal("does not refer to a valid field", WithPath(".nope").FieldPathError);
        Assert.Equal("expected [ or . but got: ports", WithPath("ports").FieldPathError);
    }
}
