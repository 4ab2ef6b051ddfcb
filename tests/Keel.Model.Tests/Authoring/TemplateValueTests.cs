using k8s.Models;
using Keel.Model.Authoring;

namespace Keel.Model.Tests.Authoring;

public sealed class TemplateValueTests
{
    [Fact]
    public void Port_and_Var_write_the_templates_presets_use()
    {
        Assert.Equal("{{ \"app_port\" | getPort }}", Template.Port("app_port").Text);
        Assert.Equal("{{ .HFModelName }}", Template.Var(v => v.HFModelName).Text);
        Assert.Equal("--port={{ \"http\" | getPort }}", $"--port={Template.Port("http")}");
        string asString = Template.Var(v => v.InferencePoolName);
        Assert.Equal("{{ .InferencePoolName }}", asString);
    }

    [Fact]
    public void In_integer_fields_a_template_is_a_stable_placeholder_that_formats_back_to_the_template()
    {
        int port = Template.Port("http");
        int again = Template.Port("http");
        int other = Template.Port("metrics");
        Assert.Equal(port, again);
        Assert.NotEqual(port, other);
        Assert.True(port < -2_000_000_000, "placeholders live at the bottom of int, where no port or count is");
        Assert.Equal("{{ \"http\" | getPort }}", Template.Text(port));
        Assert.Equal("8000", Template.Text(8000));

        IntOrString probePort = Template.Port("http");
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), probePort.Value);
    }

    [Fact]
    public void Bad_template_values_are_rejected_when_written()
    {
        Assert.Throws<ArgumentException>(() => Template.Port("a\"b"));
        Assert.Throws<ArgumentException>(() => Template.Port(""));
        Assert.Throws<ArgumentException>(() => Template.Var(v => v.HFModelName.ToUpperInvariant()));
    }
}
