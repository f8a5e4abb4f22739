using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Azure.Identity;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.DevTokens;

/// <summary>
/// <c>POST /api/dev/token</c>: a signed token for local development. It answers 404 unless the
/// development issuer is registered, which only happens in the Development environment.
/// </summary>
[Description("Development tokens for local work (Development environment only).")]
public sealed partial class DevTokenFunction(PortalHttp http, IServiceProvider services)
{
    private static readonly HashSet<string> KnownRoles = [.. AppRoles.Staff, AppRoles.LabPush, AppRoles.RecordsPush, "Patient"];

    [Function("IssueDevToken")]
    [ApiOperation(
        "A development token (Development environment only).",
        Description = "Signs a short-lived token with the process's own key for the given subject, name, roles, MFA flag and OAuth scopes (`scp`, e.g. SMART's `patient/Observation.rs`). Outside Development the issuer is not registered and the answer is 404.",
        Anonymous = true)]
    [ApiRequest(typeof(DevTokenRequest))]
    [ApiResponse(200, typeof(DevToken), Description = "The token.")]
    [ApiProblems(400, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/token")] HttpRequest request, CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            if (services.GetService(typeof(DevTokenIssuer)) is not DevTokenIssuer issuer)
            {
                return ApiResults.Problem(request, Failure.NotFound("The development token issuer"));
            }

            var body = await http.ReadJsonAsync<DevTokenRequest>(request, cancellationToken);
            if (!body.Succeeded)
            {
                return ApiResults.Problem(request, body.Failure);
            }

            var ask = body.Value;
            var roles = ask.Roles ?? [];
            var errors = new FieldErrors();
            errors.Require(Subject().IsMatch(ask.Subject ?? ""), "subject", "1 to 128 letters, digits or . _ @ -");
            errors.OptionalText(ask.Name, "name", 100);
            errors.Require(roles.All(KnownRoles.Contains), "roles", $"Known roles: {string.Join(", ", KnownRoles)}.");
            errors.Require((ask.Scopes ?? []).All(s => ScopeText().IsMatch(s)), "scopes", "Each 1 to 200 visible characters, no spaces.");
            if (errors.ToFailure() is { } invalid)
            {
                return ApiResults.Problem(request, invalid);
            }

            var token = issuer.Issue(ask.Subject!, ask.Name, roles, ask.Mfa, scopes: ask.Scopes);
            return ApiResults.Json(new DevToken(token, "Bearer", (int)DevTokenIssuer.Lifetime.TotalSeconds));
        });

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,128}$")]
    private static partial Regex Subject();

    [GeneratedRegex("^[!-~]{1,200}$")]
    private static partial Regex ScopeText();

    private sealed record DevTokenRequest(string? Subject, string? Name = null, IReadOnlyList<string>? Roles = null, bool Mfa = false, IReadOnlyList<string>? Scopes = null);
}
