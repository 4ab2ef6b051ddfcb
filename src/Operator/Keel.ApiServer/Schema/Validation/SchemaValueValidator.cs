using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>
/// OpenAPI value validation with kube-openapi's semantics and messages, converted to field errors the way the
/// apiextensions server converts them: per node type, value validations (allOf/anyOf/oneOf/not), string, format,
/// number, array, enum and object checks, properties in schema order, then <c>required</c>.
/// </summary>
internal sealed class SchemaValueValidator
{
    private readonly string _fieldPrefix;
    private readonly List<FieldError> _errors;
    private readonly bool _ratchet;

    private SchemaValueValidator(string fieldPrefix, List<FieldError> errors, bool ratchet = false)
    {
        _fieldPrefix = fieldPrefix;
        _errors = errors;
        _ratchet = ratchet;
    }

    /// <summary>
    /// Validates <paramref name="value"/>. Error fields are <paramref name="fieldPrefix"/> joined with the node's
    /// kube-openapi name; messages use the name relative to <paramref name="value"/> (" in body …" at its root).
    /// </summary>
    public static void Validate(JsonNode? value, SchemaNode schema, string fieldPrefix, List<FieldError> errors) =>
        new SchemaValueValidator(fieldPrefix, errors).ValidateNode(value, schema, FieldPath.Root);

    /// <summary>
    /// Validation of an update with ratcheting (Kubernetes 1.30+): a node whose value equals its correlated old value
    /// (objects and maps by key, <c>list-type: map</c> items by key) is not validated, so values stored before a schema
    /// tightened stay updatable as long as they are not changed.
    /// </summary>
    public static void ValidateUpdate(JsonNode value, JsonNode old, SchemaNode schema, string fieldPrefix, List<FieldError> errors)
    {
        var plain = new List<FieldError>();
        new SchemaValueValidator(fieldPrefix, plain).ValidateNode(value, schema, FieldPath.Root);
        if (plain.Count == 0)
        {
            return;
        }

        new SchemaValueValidator(fieldPrefix, errors, ratchet: true).ValidateNode(value, schema, FieldPath.Root, old, correlated: true);
    }

    private void ValidateNode(JsonNode? data, SchemaNode s, FieldPath path, JsonNode? old = null, bool correlated = false)
    {
        if (_ratchet && correlated && old is not null && JsonEquality.DeepEquals(data, old, NumberEquality.GoTyped))
        {
            return;
        }

        if (data is null)
        {
            var types = AllowedTypes(s);
            if (types.Length > 0 && !s.Nullable)
            {
                var name = path.ToOpenApiName();
                _errors.Add(FieldErrors.TypeInvalid(Field(name), JsonValue.Create("null"), TypeFail(name, string.Join(",", types), "null")));
            }

            ValidateEnum(null, s, path);
            return;
        }

        ValidateType(data, s, path);
        ValidateValueValidations(data, s, path);
        var kind = data.GetValueKind();
        switch (kind)
        {
            case JsonValueKind.String:
                ValidateString(data.GetValue<string>(), data, s, path);
                break;
            case JsonValueKind.Number:
                ValidateNumber(data.AsValue(), s, path);
                break;
            case JsonValueKind.Array:
                ValidateArray(data.AsArray(), s, path, correlated ? old : null);
                break;
        }

        ValidateEnum(data, s, path);
        if (kind == JsonValueKind.Object)
        {
            ValidateObject(data.AsObject(), s, path, correlated ? old as JsonObject : null);
        }
    }

    private static string[] AllowedTypes(SchemaNode s)
    {
        if (s.XIntOrString)
        {
            return ["integer", "string"];
        }

        return string.IsNullOrEmpty(s.Type) ? [] : [s.Type];
    }

    private void ValidateType(JsonNode data, SchemaNode s, FieldPath path)
    {
        var types = AllowedTypes(s);
        if (types.Length == 0)
        {
            return;
        }

        var kind = data.GetValueKind();
        var numeric = types.Contains("number") || types.Contains("integer");
        if (!numeric && !string.IsNullOrEmpty(s.Format) && StringFormats.IsSupported(s.Format)
            && kind is JsonValueKind.String or JsonValueKind.Array)
        {
            // kube-openapi's type validator lets strings and slices pass when a format is declared.
            return;
        }

        var actual = JsonValues.TypeNameOf(data);
        var floatInt = actual == "number" && types.Contains("integer") && JsonValues.IsIntegralNumber(data.AsValue());
        var intFloat = actual == "integer" && types.Contains("number");
        if (types.Contains(actual) || floatInt || intFloat)
        {
            return;
        }

        var name = path.ToOpenApiName();
        _errors.Add(FieldErrors.TypeInvalid(Field(name), JsonValue.Create(actual), TypeFail(name, string.Join(",", types), actual)));
    }

    private void ValidateString(string value, JsonNode data, SchemaNode s, FieldPath path)
    {
        long? length = null;
        if (s.MaxLength is { } max)
        {
            length = RuneCount(value);
            if (length > max)
            {
                _errors.Add(FieldErrors.TooLong(Field(path.ToOpenApiName()), data, max));
            }
        }

        if (s.MinLength is { } min && (length ?? RuneCount(value)) < min)
        {
            var name = path.ToOpenApiName();
            _errors.Add(FieldErrors.Invalid(Field(name), data, Message(name, $"should be at least {Int(min)} chars long")));
        }

        if (s.Pattern is { } pattern && s.PatternRegex is { } regex && !regex.IsMatch(value))
        {
            var name = path.ToOpenApiName();
            _errors.Add(FieldErrors.Invalid(Field(name), data, Message(name, $"should match '{pattern}'")));
        }

        if (!string.IsNullOrEmpty(s.Format) && !StringFormats.IsValid(s.Format, value))
        {
            var name = path.ToOpenApiName();
            _errors.Add(FieldErrors.TypeInvalid(Field(name), data, TypeFail(name, s.Format, value)));
        }
    }

    private void ValidateNumber(JsonValue data, SchemaNode s, FieldPath path)
    {
        var isInteger = GoNumber.TryGetInteger(data, out var integer);
        var number = isInteger ? integer : GoNumber.GetDouble(data);

        if (s.MultipleOf is { } factor && factor > 0)
        {
            bool multiple;
            string rendered;
            if (isInteger && Math.Floor(factor) == factor && factor <= long.MaxValue)
            {
                multiple = integer % (long)factor == 0;
                rendered = Int((long)factor);
            }
            else
            {
                var quotient = factor < 1 ? 1 / factor * number : number / factor;
                multiple = Math.Abs(quotient - Math.Round(quotient)) < 1e-9 * Math.Max(1, Math.Abs(quotient));
                rendered = GoFormatting.Float(factor);
            }

            if (!multiple)
            {
                var name = path.ToOpenApiName();
                _errors.Add(FieldErrors.Invalid(Field(name), data, Message(name, "should be a multiple of " + rendered)));
            }
        }

        if (s.Maximum is { } maximum && (s.ExclusiveMaximum ? number >= maximum : number > maximum))
        {
            var name = path.ToOpenApiName();
            var bound = isInteger ? Int((long)maximum) : GoFormatting.Float(maximum);
            var text = s.ExclusiveMaximum ? "should be less than " : "should be less than or equal to ";
            _errors.Add(FieldErrors.Invalid(Field(name), data, Message(name, text + bound)));
        }

        if (s.Minimum is { } minimum && (s.ExclusiveMinimum ? number <= minimum : number < minimum))
        {
            var name = path.ToOpenApiName();
            var bound = isInteger ? Int((long)minimum) : GoFormatting.Float(minimum);
            var text = s.ExclusiveMinimum ? "should be greater than " : "should be greater than or equal to ";
            _errors.Add(FieldErrors.Invalid(Field(name), data, Message(name, text + bound)));
        }
    }

    private void ValidateArray(JsonArray array, SchemaNode s, FieldPath path, JsonNode? old)
    {
        if (s.Items is { } items)
        {
            var oldItems = _ratchet && s.XListType == "map" && old is JsonArray oldArray ? oldArray : null;
            for (var i = 0; i < array.Count; i++)
            {
                var oldItem = oldItems is null ? null : FindByKeys(oldItems, array[i], s.XListMapKeys);
                ValidateNode(array[i], items, path.Index(i), oldItem, oldItem is not null);
            }
        }

        if (s.MinItems is { } min && array.Count < min)
        {
            var name = path.ToOpenApiName();
            _errors.Add(FieldErrors.Invalid(Field(name), JsonValue.Create((long)array.Count), Message(name, $"should have at least {Int(min)} items")));
        }

        if (s.MaxItems is { } max && array.Count > max)
        {
            _errors.Add(FieldErrors.TooMany(Field(path.ToOpenApiName()), array.Count, max));
        }

        if (s.UniqueItems && array.Count > 1)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (array.Any(item => !seen.Add(JsonValues.CanonicalJson(item))))
            {
                var name = path.ToOpenApiName();
                _errors.Add(FieldErrors.Invalid(Field(name), JsonValue.Create(""), Message(name, "shouldn't contain duplicates")));
            }
        }
    }

    private void ValidateEnum(JsonNode? data, SchemaNode s, FieldPath path)
    {
        if (s.Enum is not { Count: > 0 } values)
        {
            return;
        }

        foreach (var allowed in values)
        {
            if (data is null ? allowed is null : allowed is not null && EnumMatch.Matches(data, allowed))
            {
                return;
            }
        }

        var supported = values.Select(v => JsonValues.AsString(v) ?? JsonValues.CanonicalJson(v));
        _errors.Add(FieldErrors.NotSupported(Field(path.ToOpenApiName()), data, supported));
    }

    private void ValidateObject(JsonObject obj, SchemaNode s, FieldPath path, JsonObject? old)
    {
        if (s.MinProperties is { } min && obj.Count < min)
        {
            var name = path.ToOpenApiName();
            _errors.Add(FieldErrors.Invalid(Field(name), JsonValue.Create((long)obj.Count), Message(name, $"should have at least {Int(min)} properties")));
            return;
        }

        if (s.MaxProperties is { } max && obj.Count > max)
        {
            _errors.Add(FieldErrors.TooMany(Field(path.ToOpenApiName()), obj.Count, max));
            return;
        }

        if (s.AdditionalPropertiesForbidden)
        {
            foreach (var (key, _) in obj)
            {
                if (!s.Properties.ContainsKey(key))
                {
                    var name = path.ToOpenApiName();
                    _errors.Add(FieldErrors.Invalid(Field(name), JsonValue.Create(key), $"{name}.{key} in body is a forbidden property"));
                }
            }
        }
        else if (s.AdditionalProperties is { } additional)
        {
            foreach (var (key, value) in obj)
            {
                if (!s.Properties.ContainsKey(key))
                {
                    JsonNode? oldValue = null;
                    var found = old is not null && old.TryGetPropertyValue(key, out oldValue);
                    ValidateNode(value, additional, path.Key(key), oldValue, found);
                }
            }
        }

        foreach (var (name, property) in s.PropertyList)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                JsonNode? oldValue = null;
                var found = old is not null && old.TryGetPropertyValue(name, out oldValue);
                ValidateNode(value, property, path.Child(name), oldValue, found);
            }
        }

        foreach (var required in s.Required)
        {
            if (!obj.ContainsKey(required))
            {
                _errors.Add(FieldErrors.Required(Field(path.Child(required).ToOpenApiName())));
            }
        }
    }

    private void ValidateValueValidations(JsonNode data, SchemaNode s, FieldPath path)
    {
        if (!s.HasValueValidations)
        {
            return;
        }

        var name = path.ToOpenApiName();
        if (s.AnyOf.Count > 0)
        {
            List<FieldError>? best = null;
            var succeeded = false;
            foreach (var branch in s.AnyOf)
            {
                var result = Branch(data, branch, path);
                if (result.Count == 0)
                {
                    succeeded = true;
                    best = null;
                    break;
                }

                if (best is null || result.Count < best.Count)
                {
                    best = result;
                }
            }

            if (!succeeded)
            {
                _errors.Add(Composite(GoFormatting.Quote(name) + " must validate at least one schema (anyOf)"));
                _errors.AddRange(best ?? []);
            }
        }

        if (s.OneOf.Count > 0)
        {
            var validated = 0;
            List<FieldError>? best = null;
            foreach (var branch in s.OneOf)
            {
                var result = Branch(data, branch, path);
                if (result.Count == 0)
                {
                    validated++;
                    best = null;
                    continue;
                }

                if (validated == 0 && (best is null || result.Count < best.Count))
                {
                    best = result;
                }
            }

            if (validated != 1)
            {
                var detail = validated == 0 ? "Found none valid" : $"Found {Int(validated)} valid alternatives";
                _errors.Add(Composite(GoFormatting.Quote(name) + " must validate one and only one schema (oneOf). " + detail));
                _errors.AddRange(best ?? []);
            }
        }

        if (s.AllOf.Count > 0)
        {
            var validated = 0;
            var collected = new List<FieldError>();
            foreach (var branch in s.AllOf)
            {
                var result = Branch(data, branch, path);
                if (result.Count == 0)
                {
                    validated++;
                }

                collected.AddRange(result);
            }

            _errors.AddRange(collected);
            if (validated != s.AllOf.Count)
            {
                _errors.Add(Composite(GoFormatting.Quote(name) + " must validate all the schemas (allOf)" + (validated == 0 ? ". None validated" : "")));
            }
        }

        if (s.Not is { } not && Branch(data, not, path).Count == 0)
        {
            _errors.Add(Composite(GoFormatting.Quote(name) + " must not validate the schema (not)"));
        }
    }

    private static JsonNode? FindByKeys(JsonArray old, JsonNode? item, IReadOnlyList<string> keys)
    {
        if (item is not JsonObject obj || keys.Count == 0)
        {
            return null;
        }

        foreach (var candidate in old)
        {
            if (candidate is JsonObject other && keys.All(k => JsonEquality.DeepEquals(obj[k], other[k], NumberEquality.GoTyped) && obj.ContainsKey(k) == other.ContainsKey(k)))
            {
                return other;
            }
        }

        return null;
    }

    private List<FieldError> Branch(JsonNode data, SchemaNode branch, FieldPath path)
    {
        var errors = new List<FieldError>();
        new SchemaValueValidator(_fieldPrefix, errors).ValidateNode(data, branch, path);
        return errors;
    }

    /// <summary>Composite (non-field) errors land on the validation root with an empty bad value, as the server converts them.</summary>
    private FieldError Composite(string message) => FieldErrors.Invalid(Field(""), "", message);

    private string Field(string name)
    {
        if (name.Length == 0)
        {
            return _fieldPrefix.Length == 0 ? FieldPath.NilPath : _fieldPrefix;
        }

        return _fieldPrefix.Length == 0 ? name : _fieldPrefix + "." + name;
    }

    private static string Message(string name, string text) => name + " in body " + text;

    private static string TypeFail(string name, string type, string value) => $"{name} in body must be of type {type}: {GoFormatting.Quote(value)}";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long RuneCount(string value)
    {
        long count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
