namespace Portal.Core.Record.Amendments;

/// <summary>
/// A request to amend the record (HIPAA right to amend, 45 CFR 164.526): the patient (or a caregiver for them) points
/// at an item, or at the record in general, says what is wrong and what it should say; the clinic answers within 60
/// days of receipt (once extendable by 30 with a reason), accepting (and correcting the item) or denying in writing.
/// </summary>
/// <param name="PatientId">Whose record (the chart partition).</param>
/// <param name="RequestId">Unique in the chart; sorts newest first.</param>
/// <param name="Target">The item the request is about, or null for the record in general.</param>
/// <param name="WhatIsWrong">What the requester says is wrong.</param>
/// <param name="ShouldSay">What they say it should say.</param>
/// <param name="AlsoInform">People or organisations the requester wants told of an accepted amendment (164.526(c)(3)), if any.</param>
/// <param name="RequestedBy">Who filed it (sign-in subject).</param>
/// <param name="RequestedByName">Their name as shown.</param>
/// <param name="OnBehalfOf">The patient, when a caregiver filed it.</param>
/// <param name="ReceivedAt">When the clinic received it: the 60 days run from here.</param>
/// <param name="DueAt">When the answer is due: 60 days after receipt, or 30 more once extended.</param>
/// <param name="State">Received (open), accepted or denied.</param>
/// <param name="Extension">The one extension, if given.</param>
/// <param name="Acceptance">The acceptance, once accepted.</param>
/// <param name="Denial">The written denial, once denied.</param>
/// <param name="Disagreement">The requester's statement of disagreement with a denial, once filed.</param>
/// <param name="Confidential">About an adolescent-confidential item: hidden from caregivers like the item.</param>
public sealed record AmendmentRequest(
    string PatientId,
    string RequestId,
    AmendmentTarget? Target,
    string WhatIsWrong,
    string ShouldSay,
    string? AlsoInform,
    string RequestedBy,
    string RequestedByName,
    string? OnBehalfOf,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    AmendmentState State,
    AmendmentExtension? Extension,
    AmendmentAcceptance? Acceptance,
    AmendmentDenial? Denial,
    DisagreementStatement? Disagreement,
    bool Confidential);

/// <summary>The item a request is about.</summary>
/// <param name="Section">The item's section.</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="Version">The item's version when the request was filed.</param>
/// <param name="Label">What the item is, as the requester saw it (<c>Penicillin</c>, <c>Office visit</c>).</param>
public sealed record AmendmentTarget(RecordSection Section, string ItemId, int Version, string Label);

/// <summary>Where a request stands.</summary>
public enum AmendmentState
{
    /// <summary>Open: waiting for the clinic's answer (possibly extended).</summary>
    Received,

    /// <summary>Accepted: the record was amended (or, for the record in general, the clinic says what it did).</summary>
    Accepted,

    /// <summary>Denied, with the written denial the rule requires.</summary>
    Denied,
}

/// <summary>The one extension of the deadline (164.526(b)(2)(ii)).</summary>
/// <param name="Reason">Why the clinic needs more time, as told to the patient.</param>
/// <param name="PreviousDueAt">The deadline before the extension.</param>
/// <param name="At">When it was extended.</param>
/// <param name="By">Who extended it (subject).</param>
/// <param name="ByName">Their name as shown.</param>
public sealed record AmendmentExtension(string Reason, DateTimeOffset PreviousDueAt, DateTimeOffset At, string By, string ByName);

/// <summary>An acceptance.</summary>
/// <param name="Note">What the clinic did, in plain words.</param>
/// <param name="CorrectedVersion">The item's version that carries the correction (its earlier value stays in the item's history), or null for the record in general.</param>
/// <param name="At">When.</param>
/// <param name="By">Who decided (subject).</param>
/// <param name="ByName">Their name as shown.</param>
public sealed record AmendmentAcceptance(string? Note, int? CorrectedVersion, DateTimeOffset At, string By, string ByName);

/// <summary>
/// A written denial with everything 164.526(d)(1) requires: the basis, the right to file a statement of disagreement
/// and how, that without one the request and the denial may go with future disclosures, and how to complain to the
/// clinic (with the contact's title and phone) or to the Secretary of HHS. The clinic's texts are copied in when the
/// denial is written, so later changes to the configuration do not change what the patient was told.
/// </summary>
/// <param name="Ground">The rule's ground.</param>
/// <param name="Basis">The basis in plain language.</param>
/// <param name="DisagreementRights">The right to file a statement of disagreement, and how.</param>
/// <param name="FutureDisclosures">That the request and denial may accompany future disclosures.</param>
/// <param name="Complaints">How to complain to the clinic (contact title and phone) and to the Secretary of HHS.</param>
/// <param name="At">When.</param>
/// <param name="By">Who decided (subject).</param>
/// <param name="ByName">Their name as shown.</param>
public sealed record AmendmentDenial(
    DenialGround Ground, string Basis, string DisagreementRights, string FutureDisclosures, string Complaints, DateTimeOffset At, string By, string ByName);

/// <summary>The grounds on which the rule lets a request be denied (164.526(a)(2)).</summary>
public enum DenialGround
{
    /// <summary>The clinic did not create the information (and its originator can still act on the request).</summary>
    NotCreatedByClinic,

    /// <summary>The information is not part of the designated record set.</summary>
    NotInDesignatedRecordSet,

    /// <summary>The information would not be available for inspection under 164.524.</summary>
    NotAvailableForInspection,

    /// <summary>The information is accurate and complete.</summary>
    AccurateAndComplete,
}

/// <summary>The requester's written statement of disagreement with a denial, linked to the request and its item.</summary>
/// <param name="Statement">The statement (the clinic limits its length).</param>
/// <param name="At">When it was filed.</param>
/// <param name="By">Who filed it (subject).</param>
/// <param name="ByName">Their name as shown.</param>
/// <param name="OnBehalfOf">The patient, when a caregiver filed it.</param>
public sealed record DisagreementStatement(string Statement, DateTimeOffset At, string By, string ByName, string? OnBehalfOf);
