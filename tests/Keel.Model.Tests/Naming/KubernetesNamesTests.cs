using Keel.Model.Naming;
using Keel.Model.Templating;

namespace Keel.Model.Tests.Naming;

public sealed class KubernetesNamesTests
{
    [Theory]
    [InlineData("facebook/opt-125m", "facebook-opt-125m")]
    [InlineData("meta-llama/Llama-3.2-3B-Instruct", "meta-llama-llama-3-2-3b-instruct")]
    [InlineData("  Spaces Here  ", "spaces-here")]
    [InlineData("a__b..c", "a-b-c")]
    [InlineData("--a--b--", "a--b")]
    public void Sanitize_matches_the_spec_examples(string input, string expected)
    {
        Assert.Equal(expected, KubernetesNames.Sanitize(input));
    }

    [Fact]
    public void Sanitize_cuts_to_63_and_never_ends_with_a_dash()
    {
        var exact = new string('a', 70);
        Assert.Equal(new string('a', 63), KubernetesNames.Sanitize(exact)); // compat cut

        var dashAt63 = new string('a', 62) + "/" + new string('b', 10);
        var fixedName = KubernetesNames.Sanitize(dashAt63);
        Assert.True(fixedName.Length <= 63);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", fixedName);
        Assert.EndsWith("-" + KubernetesNames.Hash(dashAt63), fixedName, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_of_nothing_usable_is_a_hash_not_a_shared_fallback()
    {
        Assert.Equal(KubernetesNames.Hash("!!!"), KubernetesNames.Sanitize("!!!"));
        Assert.NotEqual(KubernetesNames.Sanitize("???"), KubernetesNames.Sanitize("!!!"));
    }

    [Fact]
    public void Child_names_follow_the_table()
    {
        var names = ChildNames.For("my-llama");
        Assert.Equal("my-llama-decode", names.DecodeDeployment);
        Assert.Equal("my-llama-prefill", names.PrefillDeployment);
        Assert.Equal("my-llama-service-decode", names.DecodeService);
        Assert.Equal("my-llama-service-prefill", names.PrefillService);
        Assert.Equal("my-llama-epp", names.EppDeployment);
        Assert.Equal("my-llama-epp-service", names.EppService);
        Assert.Equal("my-llama-sa", names.WorkloadServiceAccount);
        Assert.Equal("my-llama-epp-sa", names.EppServiceAccount);
        Assert.Equal("my-llama-epp-rolebinding", names.EppRoleBinding);
        Assert.Equal("my-llama-inference-pool", names.InferencePool);
        Assert.Equal("my-llama-http-route", names.HttpRoute);
        Assert.Equal("my-llama", names.InferenceModel);
    }

    [Fact]
    public void Long_or_rewritten_child_names_get_a_stable_hash_and_do_not_collide()
    {
        var longName = new string('m', 60);
        var a = ChildNames.For(longName).EppRoleBinding;
        var b = ChildNames.For(longName + "x").EppRoleBinding;
        Assert.True(a.Length <= 63);
        Assert.NotEqual(a, b);
        Assert.Equal(a, ChildNames.For(longName).EppRoleBinding);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", a);

        // "a.b" and "a-b" both sanitize to "a-b-decode": the rewritten one is told apart by a hash.
        Assert.Equal("a-b-decode", ChildNames.For("a-b").DecodeDeployment);
        Assert.StartsWith("a-b-decode-", ChildNames.For("a.b").DecodeDeployment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hf://facebook/opt-125m", "facebook/opt-125m", "facebook/opt-125m", "/model-cache")]
    [InlineData("pvc://claim/a/b", "", "a/b", "/model-cache/a/b")]
    [InlineData("oci://registry.example/model:1", "", "", "/model-cache")]
    public void Model_location_variables_follow_the_uri_scheme(string uri, string hf, string path, string mounted)
    {
        var vars = TemplateVariables.From("ms", "ns", "m", uri);
        Assert.Equal(hf, vars.HFModelName);
        Assert.Equal(path, vars.ModelPath);
        Assert.Equal(mounted, vars.MountedModelPath);
    }

    [Fact]
    public void Template_variables_have_the_spec_values()
    {
        var template = GoTemplate.Parse("all",
            "{{.ModelServiceName}} {{.ModelServiceNamespace}} {{.ModelName}} {{.SanitizedModelName}} {{.AuthSecretName}} " +
            "{{.EPPServiceName}} {{.EPPDeploymentName}} {{.PrefillDeploymentName}} {{.DecodeDeploymentName}} {{.PrefillServiceName}} " +
            "{{.DecodeServiceName}} {{.InferencePoolName}} {{.InferenceModelName}} {{.InferenceObjectiveName}} {{.HTTPRouteName}} {{getPort \"http\"}}").Value!;
        var vars = TemplateVariables.From("ms", "ns", "Org/Model", "hf://org/model", "secret", [new("http", 8000)]);
        Assert.Equal(
            "ms ns Org/Model org-model secret ms-epp-service ms-epp ms-prefill ms-decode ms-service-prefill ms-service-decode ms-inference-pool ms ms ms-http-route 8000",
            template.Execute(vars).Value);
    }
}
