namespace Portal.Core.Billing;

/// <summary>Where an insurance claim stands.</summary>
public enum ClaimStatus
{
    /// <summary>Sent to the insurer.</summary>
    Submitted,

    /// <summary>The insurer is reviewing it.</summary>
    InReview,

    /// <summary>The insurer paid its part.</summary>
    Paid,

    /// <summary>The insurer denied it (with a reason).</summary>
    Denied,

    /// <summary>The insurer decided the patient pays it (deductible, coinsurance, not covered).</summary>
    PatientResponsibility,
}

/// <summary>
/// A claim for one visit as the billing office keeps it (entered by hand or imported from the clearinghouse's JSON),
/// in the patient's chart: what was billed to the insurer and what the insurer decided.
/// </summary>
/// <param name="PatientId">Whose visit.</param>
/// <param name="ClaimId">The clinic's claim number.</param>
/// <param name="VisitId">The visit it bills.</param>
/// <param name="ServiceDate">The date of service.</param>
/// <param name="Payer">The insurer, e.g. <c>Aetna</c>.</param>
/// <param name="MemberId">The patient's member id with that insurer, if known.</param>
/// <param name="Submitted">What was billed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DenialReason">Why it was denied (plain words).</param>
/// <param name="Allowed">What the insurer allows for it (its contract price), once decided.</param>
/// <param name="Paid">What the insurer paid.</param>
/// <param name="Adjusted">What the clinic writes off under its contract.</param>
/// <param name="PatientResponsibility">What is left for the patient (deductible, copay, coinsurance, not covered).</param>
/// <param name="UpdatedAt">When it was last changed.</param>
/// <param name="UpdatedBy">Who changed it last.</param>
public sealed record InsuranceClaim(
    string PatientId,
    string ClaimId,
    string VisitId,
    DateOnly ServiceDate,
    string Payer,
    string? MemberId,
    Money Submitted,
    ClaimStatus Status,
    string? DenialReason,
    Money? Allowed,
    Money? Paid,
    Money? Adjusted,
    Money? PatientResponsibility,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
