using System.Text;
using Keel.Model.Serialization;

namespace Keel.Model.Rendering;

/// <summary>
/// Writes rendered children as one YAML stream, as the render command prints them: documents in apply order separated
/// by <c>---</c>, keys sorted, no nulls, no status. With <c>explain</c>, each document is preceded by YAML comments that
/// attribute every leaf field to the layer that set it and the rule used (the document itself is unchanged, so the
/// stream still applies as it is).
/// </summary>
public static class RenderYaml
{
    public static string Write(IEnumerable<RenderedChild> children, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(children);
        var sb = new StringBuilder();
        var first = true;
        foreach (var child in children)
        {
            if (!first)
            {
                sb.Append("---\n");
            }

            first = false;
            if (explain)
            {
                AppendExplanation(sb, child);
            }

            sb.Append(KeelYaml.SerializeNode(child.ToJson()));
        }

        return sb.ToString();
    }

    private static void AppendExplanation(StringBuilder sb, RenderedChild child)
    {
        sb.Append("# ").Append(child.Kind).Append(' ').Append(child.Name).Append(" (").Append(child.Role).Append("): where each field comes from\n");
        if (child.ReplicasPolicy == ReplicasPolicy.InitialOnly)
        {
            sb.Append("#   decoupleScaling: spec.replicas is applied only when the Deployment is created; an autoscaler owns it afterwards\n");
        }

        if (!child.HasOwnerReference)
        {
            sb.Append("#   no ownerReferences: the ModelService has no metadata.uid (rendered from a file)\n");
        }

        if (child.Provenance is not { Count: > 0 } provenance)
        {
            return;
        }

        var width = Math.Min(72, provenance.Max(p => p.Path.Length));
        foreach (var field in provenance)
        {
            sb.Append("#   ").Append(field.Path.PadRight(width)).Append("  ").Append(field.LayerText.PadRight(20)).Append("  ").Append(field.Rule).Append('\n');
        }
    }
}
