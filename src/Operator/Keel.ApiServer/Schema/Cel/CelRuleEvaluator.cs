using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel.Library;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// Runs the compiled rules over an object the way the apiextensions CEL validator does: rules of a node before its
/// children, <c>self</c> bound to the node's value, <c>oldSelf</c> to the correlated old value (objects and maps by key,
/// <c>x-kubernetes-list-type: map</c> items by their keys; other list items have none), transition rules skipped
/// without an old value unless <c>optionalOldSelf</c>, and errors of unchanged values on update ratcheted into warnings.
/// </summary>
internal sealed class CelRuleEvaluator
{
    private readonly List<FieldError> _errors;
    private readonly List<string> _warnings;

    private CelRuleEvaluator(List<FieldError> errors, List<string> warnings)
    {
        _errors = errors;
        _warnings = warnings;
    }

    public static void Evaluate(CelRuleNode root, JsonObject obj, JsonObject? oldObj, List<FieldError> errors, List<string> warnings)
    {
        var evaluator = new CelRuleEvaluator(errors, warnings);
        var ratchet = oldObj is null ? Ratchet.None : Ratchet.Root(obj, oldObj);
        evaluator.Validate(root, FieldPath.Root, obj, oldObj, ratchet, Converted.None, Converted.None);
    }

    /// <summary>Runs the rules over a standalone value (a schema default) reported under <paramref name="path"/>.</summary>
    public static void EvaluateValue(CelRuleNode node, JsonNode value, FieldPath path, List<FieldError> errors) =>
        new CelRuleEvaluator(errors, []).Validate(node, path, value, null, Ratchet.None, Converted.None, Converted.None);

    private void Validate(CelRuleNode node, FieldPath path, JsonNode? value, JsonNode? old, Ratchet ratchet, Converted self, Converted oldSelf)
    {
        if (value is null || node.Shape is not { } shape)
        {
            return;
        }

        if (node.Rules.Count > 0)
        {
            // Convert once here; the children below reuse the converted subtree.
            self = self.Has ? self : new Converted(true, CelValueConverter.Convert(value, shape));
            oldSelf = oldSelf.Has || old is null ? oldSelf : new Converted(true, CelValueConverter.Convert(old, shape));
            EvaluateRules(node, path, old, ratchet, self.Value, oldSelf.Value);
        }

        switch (value)
        {
            case JsonArray array when node.Items is { } items:
                var oldArray = old as JsonArray;
                var oldItems = node.Schema.XListType == "map" && oldArray is not null ? new MapListIndex(node.Schema.XListMapKeys, oldArray) : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var (oldItem, oldIndex) = oldItems?.Find(array[i]) ?? (null, -1);
                    var childRatchet = oldItems is null ? ratchet.Uncorrelated() : ratchet.Child(array[i], oldItem);
                    Validate(items, path.Index(i), array[i], oldItem, childRatchet, self.Item(i), oldSelf.Item(oldIndex));
                }

                break;
            case JsonObject obj:
                var oldObj = old as JsonObject;
                if (node.AdditionalProperties is { } values)
                {
                    foreach (var (key, child) in obj)
                    {
                        var oldChild = oldObj?[key];
                        Validate(values, path.Key(key), child, oldChild, ratchet.Child(child, oldChild), self.Entry(key), oldChild is null ? Converted.None : oldSelf.Entry(key));
                    }
                }

                foreach (var (name, property) in node.Properties)
                {
                    if (obj.TryGetPropertyValue(name, out var child))
                    {
                        var oldChild = oldObj?[name];
                        var childRatchet = ratchet.IsRoot && name is "apiVersion" or "kind" ? Ratchet.None : ratchet.Child(child, oldChild);
                        var celName = shape.Fields.TryGetValue(name, out var field) ? field.CelName : null;
                        Validate(property, path.Child(name), child, oldChild, childRatchet, self.Entry(celName), oldChild is null ? Converted.None : oldSelf.Entry(celName));
                    }
                }

                break;
        }
    }

    private void EvaluateRules(CelRuleNode node, FieldPath path, JsonNode? old, Ratchet ratchet, object? self, object? oldSelf)
    {
        var type = JsonValue.Create(node.Schema.Type ?? "");
        foreach (var rule in node.Rules)
        {
            if (rule.Error is not null)
            {
                _errors.Add(FieldErrors.Invalid(path, type, "rule compile error: " + rule.Error));
                continue;
            }

            if (rule.Program is null || rule.UsesOldSelf && old is null && !rule.OptionalOldSelf)
            {
                continue;
            }

            var oldBinding = rule.OptionalOldSelf ? (old is null ? CelOptional.None : CelOptional.Of(oldSelf)) : oldSelf;
            object? result;
            try
            {
                result = rule.Program(CelRuntime.Activation(self, rule.UsesOldSelf || old is not null, oldBinding));
            }
            catch (Exception ex) when (ex is global::Cel.CelException or OverflowException or InvalidCastException or ArgumentException or FormatException or IndexOutOfRangeException or System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                _errors.Add(RuntimeError(path, type, rule, CelErrorText.From(ex)));
                continue;
            }

            if (result is true)
            {
                continue;
            }

            if (result is not false)
            {
                _errors.Add(RuntimeError(path, type, rule, CelErrorText.NoSuchOverload));
                continue;
            }

            var errorPath = rule.NormalizedFieldPath is { Length: > 0 } fieldPath ? path.Child(fieldPath) : path;
            var detail = Message(rule, self, old is not null, oldSelf) ?? rule.MessageOrDefault;
            var error = ForReason(errorPath, type, detail, rule.Spec.Reason);
            if (!rule.UsesOldSelf && ratchet.ShouldRatchet())
            {
                _warnings.Add(error.ToString());
            }
            else
            {
                _errors.Add(error);
            }
        }
    }

    /// <summary>A value already converted for CEL (or not yet: then the node converts its own).</summary>
    private readonly record struct Converted(bool Has, object? Value)
    {
        public static readonly Converted None = new(false, null);

        public Converted Item(int index) =>
            Has && index >= 0 && Value is object?[] items && index < items.Length ? new Converted(true, items[index]) : None;

        public Converted Entry(string? key) =>
            Has && key is not null && Value is Dictionary<string, object?> map && map.TryGetValue(key, out var entry) ? new Converted(true, entry) : None;
    }

    private static FieldError RuntimeError(FieldPath path, JsonNode type, CompiledRule rule, string error) =>
        error.StartsWith(CelErrorText.NoSuchOverload, StringComparison.Ordinal)
            ? FieldErrors.Invalid(path, type, $"'{error}': call arguments did not match a supported operator, function or macro signature for rule: {rule.ErrorString}")
            : FieldErrors.Invalid(path, type, $"{error} evaluating rule: {rule.ErrorString}");

    /// <summary>Evaluates messageExpression; null means "fall back to the rule's message", as the server does on failure.</summary>
    private static string? Message(CompiledRule rule, object? self, bool hasOld, object? oldSelf)
    {
        if (rule.MessageProgram is null)
        {
            return null;
        }

        try
        {
            if (rule.MessageProgram(CelRuntime.Activation(self, hasOld, oldSelf)) is not string message)
            {
                return null;
            }

            message = message.Trim();
            return message.Length == 0 || message.Length > 5 * 1024 || message.Contains('\n', StringComparison.Ordinal) ? null : message;
        }
        catch (Exception ex) when (ex is global::Cel.CelException or OverflowException or InvalidCastException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static FieldError ForReason(FieldPath path, JsonNode type, string detail, string? reason) => reason switch
    {
        FieldErrors.ReasonForbidden => FieldErrors.Forbidden(path, detail),
        FieldErrors.ReasonRequired => FieldErrors.Required(path, detail),
        FieldErrors.ReasonDuplicate => FieldErrors.Duplicate(path, type),
        _ => FieldErrors.Invalid(path, type, detail),
    };

    /// <summary>
    /// Ratcheting state (validation ratcheting, GA in Kubernetes 1.30): errors of a node become warnings when its
    /// correlated old value is unchanged, or, for uncorrelatable nodes, when the nearest correlated ancestor is.
    /// </summary>
    private sealed class Ratchet
    {
        public static readonly Ratchet None = new(null, null);

        private readonly Pair? _current;
        private readonly Pair? _parent;

        private Ratchet(Pair? current, Pair? parent)
        {
            _current = current;
            _parent = parent;
        }

        public static Ratchet Root(JsonNode value, JsonNode old) => new(new Pair(value, old), null);

        public bool IsRoot => _current is not null && _parent is null;

        public Ratchet Child(JsonNode? value, JsonNode? old) => _current is null ? this : new Ratchet(new Pair(value, old), _current);

        public Ratchet Uncorrelated() => _current is null ? this : new Ratchet(null, _current);

        public bool ShouldRatchet() => (_current ?? _parent)?.Equal ?? false;

        private sealed class Pair(JsonNode? value, JsonNode? old)
        {
            private bool? _equal;

            public bool Equal => _equal ??= old is not null && JsonEquality.DeepEquals(value, old, NumberEquality.GoTyped);
        }
    }

    /// <summary>Old items of a <c>list-type: map</c> list by their key fields.</summary>
    private sealed class MapListIndex
    {
        private readonly IReadOnlyList<string> _keys;
        private readonly Dictionary<string, (JsonNode? Item, int Index)> _items = new(StringComparer.Ordinal);

        public MapListIndex(IReadOnlyList<string> keys, JsonArray old)
        {
            _keys = keys;
            for (var i = 0; i < old.Count; i++)
            {
                if (old[i] is JsonObject obj)
                {
                    _items.TryAdd(Key(obj), (obj, i));
                }
            }
        }

        public (JsonNode? Item, int Index)? Find(JsonNode? item) =>
            item is JsonObject obj && _items.TryGetValue(Key(obj), out var old) ? old : null;

        private string Key(JsonObject item)
        {
            var key = new JsonObject();
            foreach (var field in _keys)
            {
                key[field] = item[field]?.DeepClone();
            }

            return JsonValues.CanonicalJson(key);
        }
    }
}
