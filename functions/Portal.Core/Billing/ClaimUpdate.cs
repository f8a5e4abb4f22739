using System.ComponentModel;

namespace Portal.Core.Billing;

/// <summary>A claim as the billing office enters or imports it; amounts as text in major units (<c>"180.00"</c>).</summary>
public sealed record ClaimUpdate(
    string VisitId,
    DateOnly ServiceDate,
    string Payer,
    ClaimStatus Status,
    [property: Description("What was billed, e.g. \"215.00\".")] string Submitted,
    string? MemberId = null,
    [property: Description("Required when the status is denied.")] string? DenialReason = null,
    string? Allowed = null,
    string? Paid = null,
    string? Adjusted = null,
    string? PatientResponsibility = null);

/// <summary>One claim of an import batch: the patient and claim number, and the claim.</summary>
public sealed record ImportedClaim(string PatientId, string ClaimId, ClaimUpdate Claim);
