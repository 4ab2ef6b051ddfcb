using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>
/// Emits the part of a custom resource class that KubernetesClient expects: the Kube* constants and
/// [KubernetesEntity] (skipped when the class already declares them).
/// </summary>
internal static class ResourceEmitter
{
    public static string? Emit(ResourceModel resource)
    {
        if (!resource.EmitKubeConstants)
        {
            return null;
        }

        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        if (resource.RootNamespace.Length > 0)
        {
            w.Line("namespace " + resource.RootNamespace + ";");
            w.Line();
        }

        w.Line($"[global::k8s.Models.KubernetesEntity(Group = {SourceWriter.Literal(resource.Group)}, Kind = {SourceWriter.Literal(resource.Kind)}, ApiVersion = {SourceWriter.Literal(resource.Version)}, PluralName = {SourceWriter.Literal(resource.Plural)})]");
        w.Open("partial class " + resource.RootName);
        w.Line($"public const string KubeApiVersion = {SourceWriter.Literal(resource.Version)};");
        w.Line($"public const string KubeKind = {SourceWriter.Literal(resource.Kind)};");
        w.Line($"public const string KubeGroup = {SourceWriter.Literal(resource.Group)};");
        w.Line($"public const string KubePluralName = {SourceWriter.Literal(resource.Plural)};");
        w.Close();
        return w.ToString();
    }
}
