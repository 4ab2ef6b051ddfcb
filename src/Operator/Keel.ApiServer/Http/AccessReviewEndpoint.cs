using System.Text.Json.Nodes;
using Keel.ApiServer.Auth;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>
/// The create-only review resources clients use to ask the server about identities and permissions,
/// answered from the server's own authenticator and authorizer and never stored:
/// <c>authorization.k8s.io/v1</c> SelfSubjectAccessReview and SubjectAccessReview (<c>kubectl auth can-i</c>),
/// SelfSubjectRulesReview (<c>kubectl auth can-i --list</c>) and <c>authentication.k8s.io/v1</c> SelfSubjectReview (<c>kubectl auth whoami</c>).
/// </summary>
public sealed class AccessReviewEndpoint
{
    private const string AuthorizationGroup = "authorization.k8s.io";
    private const string AuthenticationGroup = "authentication.k8s.io";

    private readonly IAuthorizer _authorizer;

    public AccessReviewEndpoint(IAuthorizer authorizer) => _authorizer = authorizer;

    /// <summary>Whether the request names one of the review resources (at v1, the version clients ask for first).</summary>
    public static bool Handles(ApiRequestInfo info) =>
        info.IsResourceRequest && info.Version == "v1" && info.Namespace.Length == 0 && info.Subresource.Length == 0 &&
        (info.Group, info.Resource) is (AuthorizationGroup, "selfsubjectaccessreviews" or "selfsubjectrulesreviews" or "subjectaccessreviews")
            or (AuthenticationGroup, "selfsubjectreviews");

    /// <summary>Every authenticated user may review itself, as the default <c>system:basic-user</c> ClusterRole allows.</summary>
    public static bool IsSelfReview(AuthorizationAttributes a) =>
        a.IsResourceRequest && a.Verb == "create" && a.User.Groups.Contains("system:authenticated") &&
        (a.Group, a.Resource) is (AuthorizationGroup, "selfsubjectaccessreviews" or "selfsubjectrulesreviews") or (AuthenticationGroup, "selfsubjectreviews");

    public async Task HandleAsync(HttpContext context, ApiRequestInfo info, UserInfo caller, CancellationToken ct)
    {
        if (info.Verb != "create")
        {
            throw new ApiException(405, "MethodNotAllowed", $"{info.Resource}.{info.Group} is create-only: {info.Verb} is not supported");
        }

        var review = await RequestBody.ReadObjectAsync(context.Request, ct);
        var status = info.Resource switch
        {
            "selfsubjectreviews" => WhoAmI(caller),
            "selfsubjectaccessreviews" => await ReviewAsync(caller, review, ct),
            "selfsubjectrulesreviews" => RulesOf(caller, review),
            _ => await ReviewAsync(SubjectOf(review), review, ct),
        };

        review["apiVersion"] = $"{info.Group}/v1";
        review["kind"] ??= info.Resource switch
        {
            "selfsubjectreviews" => "SelfSubjectReview",
            "selfsubjectaccessreviews" => "SelfSubjectAccessReview",
            "selfsubjectrulesreviews" => "SelfSubjectRulesReview",
            _ => "SubjectAccessReview",
        };
        review["metadata"] ??= new JsonObject();
        review["status"] = status;
        await ResponseWriter.WriteJsonAsync(context, 201, review, ct);
    }

    private static JsonObject WhoAmI(UserInfo caller) => new()
    {
        ["userInfo"] = new JsonObject
        {
            ["username"] = caller.Name,
            ["groups"] = new JsonArray([.. caller.Groups.Select(g => (JsonNode?)JsonValue.Create(g))]),
        },
    };

    private async Task<JsonObject> ReviewAsync(UserInfo subject, JsonObject review, CancellationToken ct)
    {
        var spec = review["spec"] as JsonObject ?? throw Invalid("spec", "Required value");
        AuthorizationAttributes attributes;
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            attributes = new AuthorizationAttributes(subject, Text(resource, "verb"), true, Text(resource, "group"), Text(resource, "version"),
                Text(resource, "resource"), Text(resource, "subresource"), Text(resource, "namespace"), Text(resource, "name"), "");
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            attributes = new AuthorizationAttributes(subject, Text(nonResource, "verb"), false, "", "", "", "", "", "", Text(nonResource, "path"));
        }
        else
        {
            throw Invalid("spec.resourceAttributes", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }

        var decision = await _authorizer.AuthorizeAsync(attributes, ct);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0)
        {
            status["reason"] = decision.Reason;
        }

        return status;
    }

    /// <summary>The caller's rules in a namespace, as RBAC resolves them; other authorizers cannot list theirs.</summary>
    private JsonObject RulesOf(UserInfo caller, JsonObject review)
    {
        var ns = review["spec"] is JsonObject spec ? Text(spec, "namespace") : "";
        if (ns.Length == 0)
        {
            throw ApiException.BadRequest("no namespace on request");
        }

        var everything = new JsonObject { ["verbs"] = Strings("*"), ["apiGroups"] = Strings("*"), ["resources"] = Strings("*") };
        var everyPath = new JsonObject { ["verbs"] = Strings("*"), ["nonResourceURLs"] = Strings("*") };
        if (_authorizer is AllowAllAuthorizer || (_authorizer is RbacAuthorizer && caller.Groups.Contains("system:masters")))
        {
            return Rules([everything], [everyPath], incomplete: false);
        }

        if (_authorizer is not RbacAuthorizer rbac)
        {
            return Rules([], [], incomplete: true);
        }

        var resourceRules = new List<JsonObject>();
        var nonResourceRules = new List<JsonObject>();
        if (caller.Groups.Contains("system:authenticated"))
        {
            // What the built-in system:basic-user and system:discovery bindings grant on a real cluster.
            resourceRules.Add(new JsonObject
            {
                ["verbs"] = Strings("create"), ["apiGroups"] = Strings(AuthorizationGroup),
                ["resources"] = Strings("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
            });
            resourceRules.Add(new JsonObject { ["verbs"] = Strings("create"), ["apiGroups"] = Strings(AuthenticationGroup), ["resources"] = Strings("selfsubjectreviews") });
            nonResourceRules.Add(new JsonObject { ["verbs"] = Strings("get"), ["nonResourceURLs"] = Strings([.. RbacAuthorizer.PublicPaths.SelectMany(p => new[] { p, p + "/*" })]) });
        }

        foreach (var rule in rbac.RulesFor(caller, ns))
        {
            var copy = new JsonObject();
            foreach (var key in rule["nonResourceURLs"] is JsonArray ? new[] { "verbs", "nonResourceURLs" } : ["verbs", "apiGroups", "resources", "resourceNames"])
            {
                if (rule[key] is JsonArray values && values.Count > 0)
                {
                    copy[key] = values.DeepClone();
                }
            }

            (rule["nonResourceURLs"] is JsonArray ? nonResourceRules : resourceRules).Add(copy);
        }

        return Rules(resourceRules, nonResourceRules, incomplete: false);
    }

    private static JsonObject Rules(IEnumerable<JsonObject> resourceRules, IEnumerable<JsonObject> nonResourceRules, bool incomplete) => new()
    {
        ["resourceRules"] = new JsonArray([.. resourceRules]),
        ["nonResourceRules"] = new JsonArray([.. nonResourceRules]),
        ["incomplete"] = incomplete,
    };

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static UserInfo SubjectOf(JsonObject review)
    {
        var spec = review["spec"] as JsonObject ?? throw Invalid("spec", "Required value");
        var user = Text(spec, "user");
        var groups = (spec["groups"] as JsonArray ?? []).Select(g => (string?)g ?? "").Where(g => g.Length > 0).ToList();
        if (user.Length == 0 && groups.Count == 0)
        {
            throw Invalid("spec.user", "Invalid value: \"\": at least one of user or group must be specified");
        }

        return new UserInfo(user, groups);
    }

    private static string Text(JsonObject obj, string name) => (string?)obj[name] ?? "";

    private static ApiException Invalid(string field, string detail) =>
        new(422, "Invalid", $"{field}: {detail}");
}
