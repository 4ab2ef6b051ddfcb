using System.Text;

namespace Keel.ApiServer.Hosting;

/// <summary>Writes a kubeconfig for a server and one bearer token (kubectl and KubernetesClient both read it).</summary>
public static class Kubeconfig
{
    public static string Render(Uri server, string token, string contextName = "keel-local", string ns = "default")
    {
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\n");
        sb.Append("kind: Config\n");
        sb.Append("clusters:\n");
        sb.Append("- name: ").Append(contextName).Append('\n');
        sb.Append("  cluster:\n");
        sb.Append("    server: ").Append(server.GetLeftPart(UriPartial.Authority)).Append('\n');
        sb.Append("users:\n");
        sb.Append("- name: ").Append(contextName).Append('\n');
        sb.Append("  user:\n");
        sb.Append("    token: ").Append(token).Append('\n');
        sb.Append("contexts:\n");
        sb.Append("- name: ").Append(contextName).Append('\n');
        sb.Append("  context:\n");
        sb.Append("    cluster: ").Append(contextName).Append('\n');
        sb.Append("    user: ").Append(contextName).Append('\n');
        sb.Append("    namespace: ").Append(ns).Append('\n');
        sb.Append("current-context: ").Append(contextName).Append('\n');
        return sb.ToString();
    }
}
