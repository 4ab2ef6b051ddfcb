using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Conflicts;

namespace Keel.Operator.Tests.Unit;

public sealed class ModelNameClaimsTests
{
    private static ModelService Ms(string name, int second, string model = "m", string ns = "default") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = name, CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, second, DateTimeKind.Utc) },
        Spec = new ModelServiceSpec { Routing = new Routing { ModelName = model }, ModelArtifacts = new ModelArtifacts { Uri = "hf://a/b" } },
    };

    [Fact]
    public void The_earlier_creation_claims_first_and_equal_times_fall_back_to_the_name()
    {
        Assert.True(ModelNameClaims.IsOlder(Ms("z", 1), Ms("a", 2)));
        Assert.True(ModelNameClaims.IsOlder(Ms("a", 1), Ms("b", 1)));
        Assert.False(ModelNameClaims.IsOlder(Ms("b", 1), Ms("a", 1)));
    }

    [Fact]
    public void The_claim_is_the_namespace_and_the_verbatim_model_name()
    {
        Assert.Equal("team/Org/Model-1", ModelNameClaims.Claim(Ms("x", 0, "Org/Model-1", "team")));
        Assert.Equal(["team/Org/Model-1"], ModelNameClaims.IndexValues(Ms("x", 0, "Org/Model-1", "team")));
    }
}
