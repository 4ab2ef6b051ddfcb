using System.Text;
using System.Text.Json.Nodes;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// Our CRDs install with plain <c>kubectl apply</c>: client-side apply copies the whole object, as compact JSON,
/// into the <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation, and the API server caps an object's
/// annotations at 256 KiB in total (keys and values). A CRD under that ceiling is also far under etcd's 1.5 MiB
/// request limit. When a schema outgrows it, the CRD can only be installed with server-side apply (or Helm):
/// change the install docs (docs/developer-guide/generator.md, "CRD size") before raising this bound.
/// </summary>
public sealed class CrdSizeTests
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;
    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    [Theory]
    [InlineData("baseconfigs.llm-d.ai")]
    [InlineData("modelservices.llm-d.ai")]
    public void Crd_fits_the_last_applied_annotation_of_client_side_apply(string name)
    {
        var crd = CrdCatalog.Find(name);
        Assert.NotNull(crd);

        // Compact JSON with System.Text.Json's escaping, which escapes at least what Go's encoder does: an upper bound.
        var bytes = Encoding.UTF8.GetByteCount(JsonNode.Parse(crd.Json)!.ToJsonString());
        Assert.True(LastAppliedAnnotation.Length + bytes <= TotalAnnotationSizeLimit,
            $"{name} is {bytes} bytes as compact JSON; with the annotation key that is over kubectl's {TotalAnnotationSizeLimit}-byte annotation limit");
    }
}
