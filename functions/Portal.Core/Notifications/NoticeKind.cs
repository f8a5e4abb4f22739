namespace Portal.Core.Notifications;

/// <summary>What a notice tells the patient is waiting. Never more than that: no test, value, diagnosis or drug.</summary>
public enum NoticeKind
{
    /// <summary>The care team wrote in a secure conversation.</summary>
    NewMessage,

    /// <summary>A test result was released to the portal.</summary>
    NewResult,

    /// <summary>A document (letter, visit summary, form) was added.</summary>
    NewDocument,

    /// <summary>New information arrived in the health record (allergies, medications, a visit summary …).</summary>
    NewRecordInformation,

    /// <summary>An appointment was booked.</summary>
    AppointmentBooked,

    /// <summary>An appointment was moved.</summary>
    AppointmentChanged,

    /// <summary>An appointment was cancelled.</summary>
    AppointmentCancelled,

    /// <summary>An appointment is coming up.</summary>
    AppointmentReminder,

    /// <summary>An appointment request was received; staff approve or decline it.</summary>
    AppointmentRequested,

    /// <summary>An appointment request was declined (the reason is in the portal, never in the notice).</summary>
    AppointmentDeclined,

    /// <summary>An earlier time opened for a visit the patient is on the waitlist for (first to book it gets it).</summary>
    WaitlistSlotOpened,

    /// <summary>A refill request changed status.</summary>
    RefillStatus,

    /// <summary>A medication's supply runs out soon (only for patients who opted in: off by default).</summary>
    RefillDue,

    /// <summary>The care team reviewed a medication or allergy the patient reported.</summary>
    ReportedItemReviewed,

    /// <summary>A monthly statement was issued ("Your statement is ready"); never an amount.</summary>
    StatementReady,

    /// <summary>The answer to a request to amend the record was put off (once, by at most 30 days, with the reason in the portal).</summary>
    AmendmentExtended,

    /// <summary>A request to amend the record was accepted.</summary>
    AmendmentAccepted,

    /// <summary>A request to amend the record was denied (the reasons and the patient's rights are in the portal).</summary>
    AmendmentDenied,

    /// <summary>Someone was invited to act as a caregiver.</summary>
    ProxyInvitation,

    /// <summary>Contact details changed or a caregiver was added: sent at once, whatever the quiet hours.</summary>
    SecurityNotice,

    /// <summary>To a caregiver: their access to someone's portal started (an invitation redeemed, a request approved).</summary>
    CaregiverAccessStarted,

    /// <summary>To a caregiver: what they may see or do for the patient changed (scopes or end date).</summary>
    CaregiverAccessChanged,

    /// <summary>To a caregiver: their access ended (revoked, ended by themselves, or the patient turned 18).</summary>
    CaregiverAccessEnded,

    /// <summary>To a patient who turned 18: their parents' or guardians' access ended; they may invite them again.</summary>
    GuardianAccessEnded,
}
