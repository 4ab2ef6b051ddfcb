using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Operations;

/// <summary>ObjectMeta validation the real server applies to every kind, with its field paths and messages.</summary>
public static class MetadataValidation
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly HashSet<string> WellKnownFinalizers = new(StringComparer.Ordinal)
    {
        "kubernetes", GcFinalizers.Orphan, GcFinalizers.ForegroundDeletion,
    };

    public static List<FieldViolation> Validate(JsonObject obj, ResourceDefinition definition, bool creating) => Validate(obj, definition, creating, []);

    /// <summary>Validates metadata; <paramref name="warnings"/> receives what the real server warns about instead of rejecting.</summary>
    public static List<FieldViolation> Validate(JsonObject obj, ResourceDefinition definition, bool creating, List<string> warnings)
    {
        var errors = new List<FieldViolation>();
        var meta = obj["metadata"] as JsonObject ?? [];
        var name = (string?)meta["name"] ?? "";
        var generateName = (string?)meta["generateName"] ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldViolation.Required("metadata.name", creating ? "name or generateName is required" : ""));
        }
        else
        {
            errors.AddRange(NameRules.Violations("metadata.name", name, NameRules.CheckName(name, definition.NameRule)));
        }

        if (generateName.Length > 0 && creating)
        {
            errors.AddRange(NameRules.Violations("metadata.generateName", generateName, NameRules.CheckName(generateName, definition.NameRule, prefix: true)));
        }

        if (meta["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                errors.AddRange(NameRules.Violations("metadata.labels", key, NameRules.CheckQualifiedName(key)));
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
                errors.AddRange(NameRules.Violations("metadata.labels", text, NameRules.CheckLabelValue(text)));
            }
        }

        if (meta["annotations"] is JsonObject annotations)
        {
            var total = 0;
            foreach (var (key, value) in annotations)
            {
                errors.AddRange(NameRules.Violations("metadata.annotations", key, NameRules.CheckQualifiedName(key.ToLowerInvariant())));
                total += key.Length + (value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : 0);
            }

            if (total > TotalAnnotationSizeLimit)
            {
                errors.Add(FieldViolation.TooLong("metadata.annotations", TotalAnnotationSizeLimit));
            }
        }

        if (meta["finalizers"] is JsonArray finalizers)
        {
            for (var i = 0; i < finalizers.Count; i++)
            {
                var f = (string?)finalizers[i] ?? "";
                errors.AddRange(NameRules.Violations($"metadata.finalizers[{i}]", f, NameRules.CheckQualifiedName(f)));
                if (!f.Contains('/', StringComparison.Ordinal) && !WellKnownFinalizers.Contains(f))
                {
                    warnings.Add($"metadata.finalizers: {NameRules.Quote(f)}: prefer a domain-qualified finalizer name including a path (/) to avoid accidental conflicts with other finalizer writers");
                }
            }
        }

        if (meta["ownerReferences"] is JsonArray owners)
        {
            var controllers = new List<string>();
            for (var i = 0; i < owners.Count; i++)
            {
                var path = $"metadata.ownerReferences[{i}]";
                if (owners[i] is not JsonObject owner)
                {
                    errors.Add(FieldViolation.Invalid(path, "null", "must be an object"));
                    continue;
                }

                var apiVersion = (string?)owner["apiVersion"] ?? "";
                var kind = (string?)owner["kind"] ?? "";
                if (apiVersion.Length == 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".apiVersion", "\"\"", "version must not be empty"));
                }

                if (kind.Length == 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".kind", "\"\"", "kind must not be empty"));
                }

                if (((string?)owner["name"] ?? "").Length == 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".name", "\"\"", "name must not be empty"));
                }

                if (((string?)owner["uid"] ?? "").Length == 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".uid", "\"\"", "uid must not be empty"));
                }

                if (owner["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController)
                {
                    controllers.Add($"Kind={kind}, Name={(string?)owner["name"]}, UID={(string?)owner["uid"]}");
                }
            }

            if (controllers.Count > 1)
            {
                errors.Add(FieldViolation.Invalid("metadata.ownerReferences", "[]v1.OwnerReference{...}",
                    $"Only one reference can have Controller set to true. Found \"true\" in references for {string.Join(" and ", controllers)}"));
            }
        }

        return errors;
    }
}
