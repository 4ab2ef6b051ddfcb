using Keel.ApiServer.Admission;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Selectors;
using Keel.ApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>Query parameters shared by the verbs, parsed and checked the way the real server checks them.</summary>
public static class RequestOptions
{
    /// <summary>Where the pipeline leaves the authenticated caller for the endpoints.</summary>
    public const string UserItem = "keel.user";

    public static WriteRequest Write(HttpRequest request)
    {
        var query = request.Query;
        var dryRun = query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            throw ApiException.BadRequest($"dryRun: Unsupported value: \"{dryRun}\": supported values: \"All\"");
        }

        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            var agent = request.Headers.UserAgent.ToString();
            manager = agent.Split('/')[0];
            if (manager.Length > 128)
            {
                manager = manager[..128];
            }
        }
        else if (manager.Length > 128)
        {
            throw ApiException.BadRequest("fieldManager: Too long: may not be more than 128 bytes");
        }

        var validation = query["fieldValidation"].ToString() switch
        {
            "" or "Warn" => FieldValidationDirective.Warn,
            "Strict" => FieldValidationDirective.Strict,
            "Ignore" => FieldValidationDirective.Ignore,
            var other => throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
        };
        return new WriteRequest(dryRun == "All", manager, validation) { User = request.HttpContext.Items[UserItem] as Auth.UserInfo };
    }

    public static ListRequest List(HttpRequest request, string nameFromPath)
    {
        var query = request.Query;
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        if (nameFromPath.Length > 0)
        {
            // A watch or list on /.../name is a list constrained to that name.
            var combined = string.IsNullOrEmpty(query["fieldSelector"]) ? $"metadata.name={nameFromPath}" : $"{query["fieldSelector"]},metadata.name={nameFromPath}";
            fields = FieldSelector.Parse(combined);
        }

        var limitText = query["limit"].ToString();
        long limit = 0;
        if (limitText.Length > 0 && !long.TryParse(limitText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out limit))
        {
            throw ApiException.BadRequest($"limit: Invalid value: \"{limitText}\": must be an integer");
        }

        var match = query["resourceVersionMatch"].ToString();
        if (match.Length > 0 && match is not ("Exact" or "NotOlderThan"))
        {
            throw ApiException.BadRequest($"resourceVersionMatch: Unsupported value: \"{match}\": supported values: \"Exact\", \"NotOlderThan\"");
        }

        var rv = query["resourceVersion"].ToString();
        if (match.Length > 0 && rv.Length == 0 && string.IsNullOrEmpty(query["sendInitialEvents"]))
        {
            throw ApiException.BadRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided");
        }

        return new ListRequest(LabelSelector.Parse(query["labelSelector"]), fields, limit, NullIfEmpty(query["continue"]), NullIfEmpty(rv), NullIfEmpty(match));
    }

    public static TableObjectPolicy IncludeObject(HttpRequest request) => request.Query["includeObject"].ToString() switch
    {
        "Object" => TableObjectPolicy.Object,
        "None" => TableObjectPolicy.None,
        _ => TableObjectPolicy.Metadata,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
