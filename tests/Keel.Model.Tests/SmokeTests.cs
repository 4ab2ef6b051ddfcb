namespace Keel.Model.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Model_assembly_references_KubernetesClient_models()
    {
        Assert.Equal("apps/v1", new k8s.Models.V1Deployment { ApiVersion = "apps/v1" }.ApiVersion);
    }
}
