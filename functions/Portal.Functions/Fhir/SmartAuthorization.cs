using Microsoft.Extensions.Configuration;
using Portal.Core.Record.Fhir;

namespace Portal.Functions.Fhir;

/// <summary>
/// What the SMART discovery document says, from the token issuer the API already trusts (<c>AzureAd:Instance</c>
/// and <c>AzureAd:TenantId</c>): Entra ID's v2.0 authorize and token endpoints, and what the API and Entra ID
/// together support. No <c>launch-ehr</c> and no patient launch context: Entra ID does not return one; apps find
/// the patients a person may act for with <c>GET /api/me</c>. No <c>sso-openid-connect</c>: an External ID
/// tenant's issuer is not derivable from the instance, and apps sign in with Entra's own discovery.
/// </summary>
public sealed class SmartAuthorization(IConfiguration configuration)
{
    private const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>The document, or null when no tenant is configured (Development with development tokens only).</summary>
    public SmartConfiguration? Configuration()
    {
        var tenant = configuration["AzureAd:TenantId"];
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return null;
        }

        var instance = configuration["AzureAd:Instance"] is { Length: > 0 } configured ? configured : DefaultInstance;
        var authority = $"{instance.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0";
        return new SmartConfiguration(
            $"{authority}/authorize",
            $"{authority}/token",
            ["authorization_code", "refresh_token"],
            ["client_secret_basic", "client_secret_post"],
            Scopes,
            ["code"],
            ["launch-standalone", "client-public", "client-confidential-symmetric", "permission-offline", "permission-patient", "permission-user", "permission-v1", "permission-v2"],
            ["S256"]);
    }

    private static IReadOnlyList<string> Scopes { get; } =
    [
        "openid", "profile", "offline_access",
        "patient/*.rs", "patient/*.read", "user/*.rs", "user/*.read",
        .. FhirCatalog.Types.SelectMany(t => new[] { $"patient/{t.Name}.rs", $"patient/{t.Name}.read" }),
        $"patient/Observation.rs?category={VitalSignResource.CategorySystem}|vital-signs",
        $"patient/Observation.rs?category={VitalSignResource.CategorySystem}|laboratory",
    ];
}
