using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Model.Topology;

namespace Keel.ApiServer.Tests.CrdAdmission;

/// <summary>The API server accepts our CRDs (and the CRDs generated for the imported upstream kinds) when they are created.</summary>
public sealed class CrdValidityTests
{
    [Theory]
    [InlineData("modelservices.llm-d.ai")]
    [InlineData("baseconfigs.llm-d.ai")]
    public void The_checked_in_CRD_is_a_valid_CustomResourceDefinition(string name)
    {
        var errors = CustomResourceDefinitionValidation.Validate(OurCrds.Crd(name));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_generated_CRD_is_valid()
    {
        var errors = CrdCatalog.All
            .SelectMany(crd => CustomResourceDefinitionValidation.Validate(JsonNode.Parse(crd.Json)!.AsObject()).Select(e => $"{crd.Name}: {e}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
