namespace Portal.Core.Identity;

/// <summary>
/// The authenticated person or system behind a request, as the token describes it.
/// </summary>
/// <param name="Subject">Stable sign-in subject (Entra <c>oid</c>, else <c>sub</c>).</param>
/// <param name="DisplayName">Name from the token, for audit trails; never used for decisions.</param>
/// <param name="Roles">App roles from the token (Clinician, FrontDesk, Billing, Admin, Lab.Push, Records.Push).</param>
/// <param name="HasMfa">True when the token's <c>amr</c> claim contains <c>mfa</c>.</param>
/// <param name="ClientIp">The client address, for the audit log.</param>
/// <param name="Scopes">
/// The OAuth scopes the token was granted (<c>scp</c>, space-separated, or <c>scope</c>), e.g. a SMART app's
/// <c>patient/Observation.rs</c>; null or empty when the token carries none.
/// </param>
public sealed record Caller(string Subject, string? DisplayName, IReadOnlySet<string> Roles, bool HasMfa, string? ClientIp = null, IReadOnlyList<string>? Scopes = null)
{
    /// <summary>True when the caller holds the app role.</summary>
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>True when the caller holds any clinic staff role.</summary>
    public bool IsStaff => AppRoles.Staff.Any(Roles.Contains);
}
