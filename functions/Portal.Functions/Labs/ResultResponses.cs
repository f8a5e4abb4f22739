using Portal.Core.Labs;
using Portal.Core.Labs.Explanations;
using Portal.Core.Labs.Results;

namespace Portal.Functions.Labs;

/// <summary>A result in a list: what it is, its status and flags, and whether the patient has read it. Holds are shown to staff only.</summary>
/// <param name="ResultId">The result's id.</param>
/// <param name="TestName">The test as the lab names it.</param>
/// <param name="TestCode">LOINC (else the lab's code).</param>
/// <param name="Category">For the patient's hold choices.</param>
/// <param name="Status">final, preliminary, corrected, cancelled …</param>
/// <param name="CollectedAt">When the specimen was taken.</param>
/// <param name="ReportedAt">When the lab reported it.</param>
/// <param name="ReleasedAt">When the patient could first see it.</param>
/// <param name="Flags">high, low, critical, abnormal.</param>
/// <param name="Reviewed">True once the patient has opened it.</param>
/// <param name="HasComment">True when a clinician commented.</param>
/// <param name="ObservationCount">How many values.</param>
/// <param name="Version">1, or more after corrections.</param>
/// <param name="Release">released, heldByPatientChoice, heldByClinician (staff only; null for the patient's side).</param>
/// <param name="Hold">The hold in force: who, why, until when (staff only).</param>
public sealed record ResultSummary(
    string ResultId,
    string TestName,
    string? TestCode,
    ResultCategory Category,
    LabResultStatus Status,
    DateTimeOffset? CollectedAt,
    DateTimeOffset? ReportedAt,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<ResultFlag> Flags,
    bool Reviewed,
    bool HasComment,
    int ObservationCount,
    int Version,
    ReleaseState? Release,
    ResultHold? Hold)
{
    /// <summary>The summary as the caller's side may see it.</summary>
    public static ResultSummary From(LabResult r, bool patientSide) => new(
        r.ResultId, r.TestName, r.TestCode, r.Category, r.Status, r.CollectedAt, r.ReportedAt, r.ReleasedAt, r.Flags, r.ReviewedAt is not null,
        r.Comment is not null, r.ObservationCount, r.Version, patientSide ? null : r.Release, patientSide ? null : r.Hold);
}

/// <summary>A page of results, newest first.</summary>
/// <param name="Items">The results.</param>
/// <param name="ContinuationToken">The next page's token, or null.</param>
public sealed record ResultPage(IReadOnlyList<ResultSummary> Items, string? ContinuationToken);

/// <summary>One result with every observation, the clinician's comment and the performing lab.</summary>
/// <param name="Result">The summary.</param>
/// <param name="Observations">Every value, in the lab's order, with its explanation.</param>
/// <param name="Comment">The clinician's comment for the patient.</param>
/// <param name="PerformingLab">The lab that did the test.</param>
/// <param name="OrderingProvider">Who ordered it.</param>
/// <param name="Notes">The lab's notes.</param>
/// <param name="History">Earlier versions a correction replaced.</param>
/// <param name="HoldHistory">Every hold and release (staff only; null for the patient's side).</param>
public sealed record ResultDetailResponse(
    ResultSummary Result,
    IReadOnlyList<ObservationView> Observations,
    ClinicianComment? Comment,
    string? PerformingLab,
    string? OrderingProvider,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ResultVersion> History,
    IReadOnlyList<HoldEvent>? HoldHistory)
{
    /// <summary>The response for a read.</summary>
    public static ResultDetailResponse From(ResultDetail detail)
    {
        var r = detail.Result;
        return new(
            ResultSummary.From(r, detail.PatientSide),
            [.. detail.Observations.Select(o => ObservationView.From(o.Observation, o.Explanation))],
            r.Comment,
            r.PerformingLab,
            r.OrderingProvider,
            r.Notes,
            r.History,
            detail.PatientSide ? null : r.HoldHistory);
    }
}

/// <summary>One value of a result.</summary>
/// <param name="Sequence">Position.</param>
/// <param name="Loinc">LOINC code.</param>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The value as text.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Range">The reference range as the lab wrote it.</param>
/// <param name="RangeLow">Its lower limit.</param>
/// <param name="RangeHigh">Its upper limit.</param>
/// <param name="Flags">high, low, critical, abnormal.</param>
/// <param name="Status">The value's status.</param>
/// <param name="ObservedAt">When it applies.</param>
/// <param name="PerformingLab">The lab that measured it.</param>
/// <param name="Notes">The lab's notes.</param>
/// <param name="Explanation">What the test measures and what high or low commonly mean, in the patient's language.</param>
public sealed record ObservationView(
    int Sequence,
    string? Loinc,
    string Name,
    string? Value,
    string? Unit,
    string? Range,
    decimal? RangeLow,
    decimal? RangeHigh,
    IReadOnlyList<ResultFlag> Flags,
    LabResultStatus Status,
    DateTimeOffset? ObservedAt,
    string? PerformingLab,
    IReadOnlyList<string> Notes,
    Explanation? Explanation)
{
    /// <summary>The view of a stored observation.</summary>
    public static ObservationView From(ResultObservation o, Explanation? explanation) => new(
        o.Sequence, o.Loinc, o.Name, o.Value, o.Unit, o.Range, o.RangeLow, o.RangeHigh, o.Flags, o.Status, o.ObservedAt, o.PerformingLab, o.Notes, explanation);
}

/// <summary>A clinician's individual hold under the preventing-harm exception.</summary>
/// <param name="Reason">Why seeing the result now would harm the patient.</param>
/// <param name="Until">When the hold ends (at most 30 days ahead); the timer releases it then.</param>
public sealed record ResultHoldRequest(string Reason, DateTimeOffset Until);

/// <summary>A clinician's early release.</summary>
/// <param name="Comment">A short comment the patient sees ("Normal, no action needed"), or null.</param>
public sealed record ResultReleaseRequest(string? Comment);

/// <summary>The patient's hold choices.</summary>
/// <param name="Holds">Per category: hold results for 1 to 7 days until the clinician has reviewed them.</param>
public sealed record ResultHoldChoicesBody(IReadOnlyList<CategoryHold> Holds);

/// <summary>The patient's hold choices as stored.</summary>
/// <param name="Holds">Per category.</param>
/// <param name="ChangedAt">When last changed, or null for the defaults (no holds).</param>
public sealed record ResultHoldChoicesView(IReadOnlyList<CategoryHold> Holds, DateTimeOffset? ChangedAt)
{
    /// <summary>The view of the stored choices.</summary>
    public static ResultHoldChoicesView From(ResultHoldPreferences p) => new(p.Holds, p.ChangedAt);
}
