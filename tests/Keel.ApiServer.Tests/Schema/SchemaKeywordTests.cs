using Keel.ApiServer.Schema;
using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>One test per OpenAPI keyword, checking the StatusCause field, reason and message the real server sends.</summary>
public sealed class SchemaKeywordTests
{
    private const string Replicas = """{"type":"object","properties":{"replicas":{"type":"integer","minimum":1,"maximum":10}}}""";

    [Fact]
    public void Type_mismatch_is_FieldValueTypeInvalid_naming_the_json_type()
    {
        var error = Single(AdmitSpec(Replicas, """{"replicas":"three"}"""));

        Assert.Equal("spec.replicas", error.Field);
        Assert.Equal("FieldValueTypeInvalid", error.Reason);
        Assert.Equal("Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"", error.Message);
    }

    [Theory]
    [InlineData("string", "1", "integer")]
    [InlineData("boolean", "\"yes\"", "string")]
    [InlineData("object", "[]", "array")]
    [InlineData("array", "{}", "object")]
    [InlineData("number", "true", "boolean")]
    public void Every_type_reports_the_actual_json_type(string declared, string value, string actual)
    {
        var items = declared == "array" ? ",\"items\":{\"type\":\"string\"}" : "";
        var error = Single(AdmitSpec("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"" + declared + "\"" + items + "}}}", "{\"x\":" + value + "}"));

        Assert.Equal($"Invalid value: \"{actual}\": spec.x in body must be of type {declared}: \"{actual}\"", error.Message);
    }

    [Fact]
    public void Integral_float_is_accepted_for_integer_and_integer_for_number()
    {
        var result = AdmitSpec("""{"type":"object","properties":{"i":{"type":"integer"},"n":{"type":"number"}}}""", """{"i":2.0,"n":3}""");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Non_integral_number_for_integer_is_rejected()
    {
        var error = Single(AdmitSpec(Replicas, """{"replicas":2.5}"""));

        Assert.Equal("Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\"", error.Message);
    }

    [Fact]
    public void Int_or_string_accepts_both_and_names_both_types_when_neither()
    {
        const string schema = """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true}}}""";

        Assert.Empty(AdmitSpec(schema, """{"port":8080}""").Errors);
        Assert.Empty(AdmitSpec(schema, """{"port":"http"}""").Errors);
        Assert.Equal("spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"",
            Single(AdmitSpec(schema, """{"port":true}""")).ToString());
    }

    [Fact]
    public void Null_for_a_nullable_field_is_kept_and_valid()
    {
        var obj = Widget("""{"x":null}""");
        var result = Admit(Spec("""{"type":"object","properties":{"x":{"type":"string","nullable":true}}}"""), obj);

        Assert.Empty(result.Errors);
        Assert.True(obj["spec"]!.AsObject().ContainsKey("x"));
    }

    [Fact]
    public void Null_for_a_non_nullable_field_without_default_is_dropped_not_rejected()
    {
        var obj = Widget("""{"x":null}""");
        var result = Admit(Spec("""{"type":"object","properties":{"x":{"type":"string"}}}"""), obj);

        Assert.Empty(result.Errors);
        Assert.False(obj["spec"]!.AsObject().ContainsKey("x"));
    }

    [Fact]
    public void Null_list_item_is_a_type_error()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"l":{"type":"array","items":{"type":"string"}}}}""", """{"l":["a",null]}"""));

        Assert.Equal("spec.l[1]: Invalid value: \"null\": spec.l[1] in body must be of type string: \"null\"", error.ToString());
    }

    [Fact]
    public void Required_property_missing_is_FieldValueRequired()
    {
        var error = Single(AdmitSpec("""{"type":"object","required":["modelName"],"properties":{"modelName":{"type":"string"}}}""", "{}"));

        Assert.Equal(new FieldError("spec.modelName", "FieldValueRequired", "Required value"), error);
    }

    [Fact]
    public void Required_at_the_root_names_the_field_without_prefix()
    {
        var schema = Root("""{"type":"object","required":["spec"],"properties":{"spec":{"type":"object"}}}""");
        var error = Single(Admit(schema, Json("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"a"}}""")));

        Assert.Equal("spec: Required value", error.ToString());
    }

    [Fact]
    public void Enum_violation_lists_supported_values()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"mode":{"type":"string","enum":["a","b"]}}}""", """{"mode":"x"}"""));

        Assert.Equal("FieldValueNotSupported", error.Reason);
        Assert.Equal("Unsupported value: \"x\": supported values: \"a\", \"b\"", error.Message);
    }

    [Fact]
    public void Numeric_enum_prints_values_as_json_and_the_bad_value_bare()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"n":{"type":"integer","enum":[1,2]}}}""", """{"n":3}"""));

        Assert.Equal("Unsupported value: 3: supported values: \"1\", \"2\"", error.Message);
    }

    [Fact]
    public void Pattern_mismatch_quotes_the_pattern()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z]+$"}}}""", """{"name":"Abc"}"""));

        Assert.Equal("spec.name: Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'", error.ToString());
    }

    [Fact]
    public void Pattern_dollar_does_not_match_before_a_trailing_newline_as_in_RE2()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z]+$"}}}""", """{"name":"abc\n"}"""));

        Assert.Equal("FieldValueInvalid", error.Reason);
    }

    [Fact]
    public void Pattern_digit_class_is_ascii_only_as_in_RE2()
    {
        Assert.Single(AdmitSpec("""{"type":"object","properties":{"n":{"type":"string","pattern":"^\\d+$"}}}""", """{"n":"١٢"}""").Errors);
        Assert.Empty(AdmitSpec("""{"type":"object","properties":{"n":{"type":"string","pattern":"^\\d+$"}}}""", """{"n":"12"}""").Errors);
    }

    [Fact]
    public void MaxLength_counts_characters_not_bytes_and_reports_TooLong()
    {
        const string schema = """{"type":"object","properties":{"s":{"type":"string","maxLength":3}}}""";

        Assert.Empty(AdmitSpec(schema, """{"s":"äöü"}""").Errors);
        var error = Single(AdmitSpec(schema, """{"s":"abcd"}"""));
        Assert.Equal(new FieldError("spec.s", "FieldValueTooLong", "Too long: may not be more than 3 bytes", "\"abcd\""), error);
    }

    [Fact]
    public void MaxLength_of_one_uses_the_singular()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"s":{"type":"string","maxLength":1}}}""", """{"s":"ab"}"""));

        Assert.Equal("Too long: may not be more than 1 byte", error.Message);
    }

    [Fact]
    public void MinLength_violation_is_invalid_with_chars_long()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"s":{"type":"string","minLength":1}}}""", """{"s":""}"""));

        Assert.Equal("spec.s: Invalid value: \"\": spec.s in body should be at least 1 chars long", error.ToString());
    }

    [Fact]
    public void Minimum_and_maximum_report_the_bound()
    {
        Assert.Equal("spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1",
            Single(AdmitSpec(Replicas, """{"replicas":0}""")).ToString());
        Assert.Equal("spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
            Single(AdmitSpec(Replicas, """{"replicas":11}""")).ToString());
    }

    [Fact]
    public void Exclusive_bounds_exclude_the_bound()
    {
        const string schema = """{"type":"object","properties":{"r":{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":1,"exclusiveMaximum":true}}}""";

        Assert.Equal("Invalid value: 0: spec.r in body should be greater than 0", Single(AdmitSpec(schema, """{"r":0}""")).Message);
        Assert.Equal("Invalid value: 1: spec.r in body should be less than 1", Single(AdmitSpec(schema, """{"r":1}""")).Message);
        Assert.Empty(AdmitSpec(schema, """{"r":0.5}""").Errors);
    }

    [Fact]
    public void Float_bounds_and_values_print_like_go()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"r":{"type":"number","maximum":1.5}}}""", """{"r":2.25}"""));

        Assert.Equal("Invalid value: 2.25: spec.r in body should be less than or equal to 1.5", error.Message);
    }

    [Fact]
    public void MultipleOf_violation()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"n":{"type":"integer","multipleOf":4}}}""", """{"n":6}"""));

        Assert.Equal("spec.n: Invalid value: 6: spec.n in body should be a multiple of 4", error.ToString());
        Assert.Empty(AdmitSpec("""{"type":"object","properties":{"n":{"type":"number","multipleOf":0.1}}}""", """{"n":0.3}""").Errors);
    }

    [Fact]
    public void MinItems_is_invalid_with_the_count_and_maxItems_is_TooMany()
    {
        const string schema = """{"type":"object","properties":{"l":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"}}}}""";

        Assert.Equal("spec.l: Invalid value: 0: spec.l in body should have at least 1 items", Single(AdmitSpec(schema, """{"l":[]}""")).ToString());
        var tooMany = Single(AdmitSpec(schema, """{"l":["a","b","c"]}"""));
        Assert.Equal(new FieldError("spec.l", "FieldValueTooMany", "Too many: 3: must have at most 2 items", "3"), tooMany);
    }

    [Fact]
    public void UniqueItems_reports_duplicates()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"l":{"type":"array","uniqueItems":true,"items":{"type":"string"}}}}""", """{"l":["a","a"]}"""));

        Assert.Equal("spec.l: Invalid value: \"\": spec.l in body shouldn't contain duplicates", error.ToString());
    }

    [Fact]
    public void MinProperties_and_maxProperties()
    {
        const string schema = """{"type":"object","properties":{"m":{"type":"object","minProperties":1,"maxProperties":2,"additionalProperties":{"type":"string"}}}}""";

        Assert.Equal("spec.m: Invalid value: 0: spec.m in body should have at least 1 properties", Single(AdmitSpec(schema, """{"m":{}}""")).ToString());
        Assert.Equal("spec.m: Too many: 3: must have at most 2 items", Single(AdmitSpec(schema, """{"m":{"a":"1","b":"2","c":"3"}}""")).ToString());
    }

    [Fact]
    public void AdditionalProperties_schema_validates_map_values_with_dotted_names()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string","maxLength":3}}}}""", """{"labels":{"app":"toolong"}}"""));

        Assert.Equal("spec.labels.app: Too long: may not be more than 3 bytes", error.ToString());
    }

    [Fact]
    public void AdditionalProperties_false_forbids_undeclared_keys_where_they_survive_pruning()
    {
        const string schema = """{"type":"object","properties":{"o":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"additionalProperties":false,"properties":{"a":{"type":"string"}}}}}""";
        var error = Single(AdmitSpec(schema, """{"o":{"a":"x","b":"y"}}"""));

        Assert.Equal("spec.o: Invalid value: \"b\": spec.o.b in body is a forbidden property", error.ToString());
    }

    [Theory]
    [InlineData("date-time", "2024-05-01T10:00:00Z", true)]
    [InlineData("date-time", "2024-05-01 10:00", false)]
    [InlineData("date", "2024-05-01", true)]
    [InlineData("date", "05/01/2024", false)]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("uuid", "not-a-uuid", false)]
    [InlineData("ipv4", "10.0.0.1", true)]
    [InlineData("ipv4", "10.0.0", false)]
    [InlineData("ipv6", "::1", true)]
    [InlineData("cidr", "10.0.0.0/8", true)]
    [InlineData("cidr", "10.0.0.0/33", false)]
    [InlineData("byte", "aGVsbG8=", true)]
    [InlineData("byte", "not base64!", false)]
    [InlineData("duration", "1h30m", true)]
    [InlineData("duration", "3 days", true)]
    [InlineData("duration", "soon", false)]
    [InlineData("hostname", "example.com", true)]
    [InlineData("uri", "https://example.com/x", true)]
    [InlineData("uri", "relative/path", false)]
    [InlineData("int32", "anything", true)]
    [InlineData("my-own-format", "anything", true)]
    public void Formats_the_server_checks(string format, string value, bool valid)
    {
        var result = AdmitSpec("{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"string\",\"format\":\"" + format + "\"}}}", "{\"v\":\"" + value + "\"}");

        if (valid)
        {
            Assert.Empty(result.Errors);
        }
        else
        {
            var error = Single(result);
            Assert.Equal("FieldValueTypeInvalid", error.Reason);
            Assert.Equal($"Invalid value: \"{value}\": spec.v in body must be of type {format}: \"{value}\"", error.Message);
        }
    }

    [Fact]
    public void OneOf_with_required_branches_enforces_exactly_one()
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""";

        Assert.Empty(AdmitSpec(schema, """{"a":"x"}""").Errors);
        var both = AdmitSpec(schema, """{"a":"x","b":"y"}""");
        Assert.Equal(new FieldError("<nil>", "FieldValueInvalid", "Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives", "\"\""), Assert.Single(both.Errors));
        var none = Messages(AdmitSpec(schema, "{}"));
        Assert.Equal(["<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid", "spec.a: Required value"], none);
    }

    [Fact]
    public void AnyOf_and_not()
    {
        const string schema = """{"type":"object","properties":{"n":{"type":"integer","anyOf":[{"minimum":10},{"maximum":0}],"not":{"enum":[20]}}}}""";

        Assert.Empty(AdmitSpec(schema, """{"n":15}""").Errors);
        Assert.Contains("<nil>: Invalid value: \"\": \"spec.n\" must validate at least one schema (anyOf)", Messages(AdmitSpec(schema, """{"n":5}""")));
        Assert.Contains("<nil>: Invalid value: \"\": \"spec.n\" must not validate the schema (not)", Messages(AdmitSpec(schema, """{"n":20}""")));
    }

    [Fact]
    public void AllOf_collects_branch_errors()
    {
        const string schema = """{"type":"object","properties":{"s":{"type":"string","allOf":[{"maxLength":5},{"pattern":"^a"}]}}}""";

        var messages = Messages(AdmitSpec(schema, """{"s":"bbbbbbb"}"""));

        Assert.Equal(
        [
            "spec.s: Too long: may not be more than 5 bytes",
            "spec.s: Invalid value: \"bbbbbbb\": spec.s in body should match '^a'",
            "<nil>: Invalid value: \"\": \"spec.s\" must validate all the schemas (allOf). None validated",
        ], messages);
    }

    [Fact]
    public void Root_metadata_name_restrictions_apply()
    {
        var schema = Root("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":5}}}}}""");
        var error = Single(Admit(schema, Json("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"much-too-long"}}""")));

        Assert.Equal("metadata.name: Too long: may not be more than 5 bytes", error.ToString());
    }

    [Fact]
    public void Errors_come_in_schema_order_children_before_required()
    {
        const string schema = """
            {"type":"object","required":["c"],"properties":{
              "a":{"type":"integer"},"b":{"type":"string","enum":["x"]},"c":{"type":"string"}}}
            """;

        Assert.Equal(
        [
            "spec.a: Invalid value: \"string\": spec.a in body must be of type integer: \"string\"",
            "spec.b: Unsupported value: \"y\": supported values: \"x\"",
            "spec.c: Required value",
        ], Messages(AdmitSpec(schema, """{"b":"y","a":"1"}""")));
    }
}
