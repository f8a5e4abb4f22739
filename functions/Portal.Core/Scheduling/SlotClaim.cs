namespace Portal.Core.Scheduling;

/// <summary>An appointment's claim on a provider's time: the 5-minute units from start to end.</summary>
/// <param name="ProviderId">Whose time.</param>
/// <param name="PatientId">Whose appointment.</param>
/// <param name="AppointmentId">Which appointment.</param>
/// <param name="Start">Start.</param>
/// <param name="End">End.</param>
/// <param name="HoldUntil">For a request: when the hold ends unless staff approve it.</param>
public sealed record SlotClaim(string ProviderId, string PatientId, string AppointmentId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? HoldUntil = null)
{
    /// <summary>The units it claims.</summary>
    public IReadOnlyList<DateTimeOffset> Units => SlotUnits.Of(Start, End);
}

/// <summary>One claimed unit as the claim index holds it.</summary>
/// <param name="Start">The unit's start (UTC).</param>
/// <param name="AppointmentId">The appointment holding it.</param>
/// <param name="PatientId">Whose appointment.</param>
public sealed record ClaimedUnit(DateTimeOffset Start, string AppointmentId, string PatientId);

/// <summary>
/// A claim being changed (made, moved or released), written before the chart and removed once the chart and the
/// claim agree; one still there when due is reconciled with the chart by the sweep.
/// </summary>
/// <param name="Claim">The claim it is about.</param>
/// <param name="Due">When the sweep reconciles it (for a request: the end of the hold).</param>
public sealed record ClaimCheck(SlotClaim Claim, DateTimeOffset Due);
