namespace Portal.Core.Record.Amendments;

/// <summary>A request to amend the record, as the patient (or a caregiver) writes it.</summary>
/// <param name="WhatIsWrong">What is wrong (at most 2,000 characters).</param>
/// <param name="ShouldSay">What it should say (at most 2,000 characters).</param>
/// <param name="Section">The section of the item it is about (a slug: <c>allergies</c>, <c>medications</c> …), or absent for the record in general.</param>
/// <param name="ItemId">The item's id, with <paramref name="Section"/>, or absent.</param>
/// <param name="AlsoInform">Whom the clinic should also tell if it agrees (at most 500 characters).</param>
public sealed record NewAmendmentRequest(string WhatIsWrong, string ShouldSay, string? Section = null, string? ItemId = null, string? AlsoInform = null);

/// <summary>An extension of the deadline: once, by 30 days, with the reason the patient is given.</summary>
/// <param name="Reason">Why the clinic needs more time (at most 500 characters).</param>
public sealed record AmendmentExtensionRequest(string Reason);

/// <summary>An acceptance: for an item, its corrected content, based on the item version the decider read.</summary>
/// <param name="Note">What the clinic did, for the patient (at most 2,000 characters; required for the record in general).</param>
/// <param name="Correction">The item's corrected content (the same section's model); required for a request about an item.</param>
/// <param name="ItemVersion">The item's version the correction was made from; required with a correction (412 when the item changed since).</param>
public sealed record AmendmentAcceptanceRequest(string? Note = null, RecordContent? Correction = null, int? ItemVersion = null);

/// <summary>A denial on one of the rule's grounds, with its basis in plain language.</summary>
/// <param name="Ground">The ground (164.526(a)(2)).</param>
/// <param name="Basis">Why, for the patient (at most 2,000 characters).</param>
public sealed record AmendmentDenialRequest(DenialGround Ground, string Basis);

/// <summary>The requester's statement of disagreement with a denial.</summary>
/// <param name="Statement">The statement (at most 2,000 characters).</param>
public sealed record DisagreementRequest(string Statement);
