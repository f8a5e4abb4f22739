using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// A medication as the patient's list shows it: what it is, how to take it, the refill facts, the estimated run-out
/// date, and whether it can be refilled through the portal (if not, why and what to do instead). A medication the
/// patient reported is listed too, as "reported by you, not yet reviewed".
/// </summary>
/// <param name="MedicationId">The record item's id (the FHIR MedicationRequest id), or the report's id for a reported one.</param>
/// <param name="Name">The drug.</param>
/// <param name="DoseInstructions">How to take it.</param>
/// <param name="Prescriber">Who prescribed it.</param>
/// <param name="Start">When it was started (FHIR date or dateTime).</param>
/// <param name="End">When it ended or ends, if known.</param>
/// <param name="Status">Active, on hold, stopped or completed.</param>
/// <param name="RefillsRemaining">Refills left, if known.</param>
/// <param name="DaysSupply">Days one fill lasts, if known.</param>
/// <param name="LastFillDate">When it was last filled, if known.</param>
/// <param name="RunOutDate">The estimated run-out date (last fill, else start, plus the days supply), if both are known.</param>
/// <param name="Refill">Whether it can be refilled through the portal.</param>
/// <param name="Version">The item's version (its ETag is <c>W/"{version}"</c>).</param>
/// <param name="Reported">For a medication the patient reported: who reported it, when, and where its review stands.</param>
public sealed record MedicationView(
    string MedicationId,
    string Name,
    string? DoseInstructions,
    string? Prescriber,
    string? Start,
    string? End,
    MedicationStatus Status,
    int? RefillsRemaining,
    int? DaysSupply,
    string? LastFillDate,
    DateOnly? RunOutDate,
    RefillEligibility Refill,
    int Version,
    ReportedProvenance? Reported = null);

/// <summary>Whether a medication can be refilled through the portal, and if not, why and what to do instead.</summary>
/// <param name="CanRequest">True when a refill request may name it now.</param>
/// <param name="Reason">Why not, when it cannot.</param>
/// <param name="Explanation">Why not, in plain words.</param>
/// <param name="WhatToDo">What to do instead.</param>
/// <param name="OpenRequestId">The open refill request that names it, if there is one.</param>
public sealed record RefillEligibility(bool CanRequest, RefillBlock? Reason, string? Explanation, string? WhatToDo, string? OpenRequestId = null);

/// <summary>Why a medication cannot be refilled through the portal.</summary>
public enum RefillBlock
{
    /// <summary>It was stopped or completed.</summary>
    Ended,

    /// <summary>The prescriber paused it.</summary>
    OnHold,

    /// <summary>A controlled substance: a new prescription needs the prescriber.</summary>
    ControlledSubstance,

    /// <summary>No refills are left and the prescriber requires a visit to renew it.</summary>
    NoRefillsLeft,

    /// <summary>A refill request for it is already open.</summary>
    RequestOpen,

    /// <summary>The patient reported it: the clinic did not prescribe it.</summary>
    ReportedByPatient,
}

/// <summary>Who reported a medication and where its review stands.</summary>
/// <param name="ReportedBy">Their name as shown.</param>
/// <param name="ReportedAt">When.</param>
/// <param name="Source">Over the counter or another doctor.</param>
/// <param name="Status">"Reported by you, not yet reviewed".</param>
public sealed record ReportedProvenance(string ReportedBy, DateTimeOffset ReportedAt, ReportedSource? Source, string Status);
