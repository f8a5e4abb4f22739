namespace Portal.Core.Messaging;

/// <summary>Who wrote a message.</summary>
public enum MessageAuthorKind
{
    /// <summary>The patient.</summary>
    Patient,

    /// <summary>A caregiver acting for the patient through a grant.</summary>
    Caregiver,

    /// <summary>A member of the pool's care team.</summary>
    CareTeam,

    /// <summary>The portal, on the pool's behalf (the automatic reply).</summary>
    Automatic,
}
