namespace Portal.Core.Record;

/// <summary>A care plan shared with the patient (FHIR <c>CarePlan</c>, US Core category <c>assess-plan</c>).</summary>
/// <param name="Title">What it is about (<c>Diabetes care plan</c>).</param>
/// <param name="Summary">The plan in words, as the patient reads it (the FHIR narrative's text).</param>
/// <param name="Status">Active, on hold, completed or revoked.</param>
/// <param name="Start">From when: FHIR date or dateTime, if said.</param>
/// <param name="End">Until when, if said.</param>
/// <param name="Activities">The plan's steps, each one line.</param>
/// <param name="Goals">What it aims for, each one line.</param>
/// <param name="Author">Who wrote it, as people read it.</param>
/// <param name="Categories">Its categories' codes as sent (US Core's <c>assess-plan</c>).</param>
public sealed record CarePlan(
    string Title,
    string Summary,
    CarePlanStatus Status,
    string? Start,
    string? End,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Goals,
    string? Author,
    IReadOnlyList<RecordCode> Categories);

/// <summary>Where a care plan stands (FHIR <c>request-status</c>, without draft and entered-in-error).</summary>
public enum CarePlanStatus
{
    /// <summary>Being followed.</summary>
    Active,

    /// <summary>Paused.</summary>
    OnHold,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Withdrawn.</summary>
    Revoked,
}
