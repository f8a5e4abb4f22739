namespace Portal.Core.Billing;

/// <summary>
/// A statement's pay-without-login link: the token's id and what it may pay. The token itself is never stored: it is the
/// id and the expiry signed with the clinic's key, so a forged token is refused before any storage read.
/// </summary>
/// <param name="LinkId">Random, 128 bits; the key of the link's rows.</param>
/// <param name="PatientId">Whose statement.</param>
/// <param name="StatementId">Which statement.</param>
/// <param name="ExpiresAt">When it stops working (30 days by default).</param>
public sealed record PayLink(string LinkId, string PatientId, string StatementId, DateTimeOffset ExpiresAt);
