namespace Portal.Core.Prescriptions;

/// <summary>Where a refill request stands: requested → in review → approved / denied / needs a visit; or cancelled while requested.</summary>
public enum RefillState
{
    /// <summary>Sent by the patient (or a caregiver), waiting for the care team.</summary>
    Requested,

    /// <summary>A clinician is looking at it.</summary>
    InReview,

    /// <summary>Approved and sent to the pharmacy (recorded by staff).</summary>
    Approved,

    /// <summary>Denied, with the reason.</summary>
    Denied,

    /// <summary>The prescriber needs to see the patient first: the request links to booking the visit type staff chose.</summary>
    NeedsVisit,

    /// <summary>Withdrawn by the patient while it was requested.</summary>
    Cancelled,
}
