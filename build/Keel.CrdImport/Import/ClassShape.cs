using System.Text;
using System.Text.Json.Nodes;

namespace Keel.CrdImport.Import;

/// <summary>What a generated class carries besides its properties: attributes, interfaces and constants.</summary>
internal sealed record ClassShape(string Attributes, string Interfaces, string Body)
{
    public static ClassShape For(ImportUnit unit, JsonObject schema, string typeName, bool isRoot)
    {
        var attributes = new List<string>();
        var interfaces = "";
        var body = new StringBuilder();
        if (isRoot && unit.Resource is { } resource)
        {
            attributes.Add(CustomResource(resource));
            if (resource.StorageOfSeveral)
            {
                attributes.Add("[StorageVersion]");
            }

            if (resource.StatusSubresource)
            {
                attributes.Add("[StatusSubresource]");
            }

            if (resource.Scale is { } scale)
            {
                var selector = scale["labelSelectorPath"]?.GetValue<string>() is { } path ? $", LabelSelectorPath = {CSharpLiteral.String(path)}" : "";
                attributes.Add($"[ScaleSubresource({CSharpLiteral.String(scale["specReplicasPath"]!.GetValue<string>())}, {CSharpLiteral.String(scale["statusReplicasPath"]!.GetValue<string>())}{selector})]");
            }

            foreach (var column in resource.PrinterColumns?.OfType<JsonObject>() ?? [])
            {
                attributes.Add(PrinterColumn(column));
            }

            attributes.Add($"[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]");
            interfaces = " : " + string.Join(", ", KubernetesInterfaces(schema, typeName));
            body.AppendLine($"    public const string KubeGroup = {CSharpLiteral.String(resource.Group)};");
            body.AppendLine($"    public const string KubeApiVersion = {CSharpLiteral.String(resource.Version)};");
            body.AppendLine($"    public const string KubeKind = {CSharpLiteral.String(resource.Kind)};");
            body.AppendLine($"    public const string KubePluralName = {CSharpLiteral.String(resource.Plural)};");
        }
        else if (isRoot && unit.GroupVersionKind is { } gvk)
        {
            body.AppendLine($"    public const string KubeApiVersion = {CSharpLiteral.String(gvk.ApiVersion)};");
            body.AppendLine($"    public const string KubeKind = {CSharpLiteral.String(gvk.Kind)};");
        }

        // Every generated class keeps the fields its schema does not declare in its [JsonExtensionData] property,
        // from which the generator derives x-kubernetes-preserve-unknown-fields; only an explicit one is written.
        attributes.AddRange(AttributeWriter.ObjectLevel(schema));
        return new ClassShape(string.Join("\n", attributes), interfaces, body.ToString().TrimEnd('\n'));
    }

    private static IEnumerable<string> KubernetesInterfaces(JsonObject schema, string typeName)
    {
        // Nullable type arguments: every generated property is nullable (unset stays unset).
        yield return "IKubernetesObject<V1ObjectMeta?>";
        var properties = schema["properties"] as JsonObject;
        if (GeneratedType(properties?["spec"], typeName + "Spec") is { } spec)
        {
            yield return $"ISpec<{spec}?>";
        }

        if (GeneratedType(properties?["status"], typeName + "Status") is { } status)
        {
            yield return $"IStatus<{status}?>";
        }
    }

    private static string? GeneratedType(JsonNode? property, string fallbackName) =>
        property is JsonObject obj && obj["properties"] is JsonObject { Count: > 0 }
            ? obj["title"]?.GetValue<string>() ?? fallbackName
            : null;

    private static string CustomResource(ResourceIdentity resource)
    {
        var arguments = new List<string>
        {
            CSharpLiteral.String(resource.Group),
            CSharpLiteral.String(resource.Version),
            CSharpLiteral.String(resource.Kind),
            $"Plural = {CSharpLiteral.String(resource.Plural)}",
        };
        if (resource.Singular is { } singular && singular != resource.Kind.ToLowerInvariant())
        {
            arguments.Add($"Singular = {CSharpLiteral.String(singular)}");
        }

        if (resource.ListKind is { } listKind && listKind != resource.Kind + "List")
        {
            arguments.Add($"ListKind = {CSharpLiteral.String(listKind)}");
        }

        if (resource.ClusterScoped)
        {
            arguments.Add("Scope = ResourceScope.Cluster");
        }

        if (resource.ShortNames.Count > 0)
        {
            arguments.Add($"ShortNames = {CSharpLiteral.StringArray(resource.ShortNames)}");
        }

        if (resource.Categories.Count > 0)
        {
            arguments.Add($"Categories = {CSharpLiteral.StringArray(resource.Categories)}");
        }

        return $"[CustomResource({string.Join(", ", arguments)})]";
    }

    private static string PrinterColumn(JsonObject column)
    {
        var type = column["type"]!.GetValue<string>();
        var arguments = new List<string>
        {
            CSharpLiteral.String(column["name"]!.GetValue<string>()),
            "PrinterColumnType." + char.ToUpperInvariant(type[0]) + type[1..],
            CSharpLiteral.String(column["jsonPath"]!.GetValue<string>()),
        };
        if (column["description"]?.GetValue<string>() is { } description)
        {
            arguments.Add($"Description = {CSharpLiteral.String(description)}");
        }

        if (column["format"]?.GetValue<string>() is { } format)
        {
            arguments.Add($"Format = {CSharpLiteral.String(format)}");
        }

        if (column["priority"] is JsonValue priority)
        {
            arguments.Add($"Priority = {priority}");
        }

        return $"[PrinterColumn({string.Join(", ", arguments)})]";
    }
}
