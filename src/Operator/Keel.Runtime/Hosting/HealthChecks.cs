using System.Text;
using Microsoft.AspNetCore.Http;

namespace Keel.Runtime.Hosting;

/// <summary>Named checks behind <c>/healthz</c> or <c>/readyz</c>; <c>?verbose</c> lists each one.</summary>
internal sealed class HealthChecks
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, Func<bool> Check)> _checks = [];

    public void Add(string name, Func<bool> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            _checks.Add((name, check));
        }
    }

    public IReadOnlyList<(string Name, bool Ok)> Evaluate()
    {
        lock (_gate)
        {
            return [.. _checks.Select(c => (c.Name, Safe(c.Check)))];
        }
    }

    public async Task ServeAsync(HttpContext context)
    {
        var results = Evaluate();
        var ok = results.All(r => r.Ok);
        context.Response.StatusCode = ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var text = new StringBuilder();
        if (context.Request.Query.ContainsKey("verbose") || !ok)
        {
            foreach (var (name, passed) in results)
            {
                text.Append(passed ? "[+]" : "[-]").Append(name).Append(passed ? " ok" : " failed").Append('\n');
            }
        }

        text.Append(ok ? "ok" : "not ok").Append('\n');
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static bool Safe(Func<bool> check)
    {
        try
        {
            return check();
        }
#pragma warning disable CA1031 // A throwing check is a failing check.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
