using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.Core.Identity;

namespace Portal.Functions.Http;

/// <summary>Reads a <see cref="Caller"/> from a validated token's claims (unmapped JWT claim names).</summary>
internal static class CallerClaims
{
    public static Caller? From(ClaimsPrincipal principal, HttpRequest request)
    {
        var subject = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var roles = principal.FindAll("roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var mfa = principal.FindAll("amr").Any(c => c.Value == "mfa");
        return new Caller(subject, principal.FindFirstValue("name"), roles, mfa, ClientIp(request), Scopes(principal));
    }

    // Entra writes delegated scopes space-separated in "scp"; other issuers use "scope" (RFC 8693 §4.2).
    private static string[] Scopes(ClaimsPrincipal principal) =>
        [.. principal.FindAll(c => c.Type is "scp" or "scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];

    // Behind App Service's front end the connecting address is the front end's; it appends the
    // client's address as the last X-Forwarded-For entry (earlier entries are client-supplied).
    internal static string? ClientIp(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last ?? request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }
}
