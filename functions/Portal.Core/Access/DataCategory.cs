namespace Portal.Core.Access;

/// <summary>The categories of patient data the access policy grants separately.</summary>
public enum DataCategory
{
    /// <summary>Chart sections and documents.</summary>
    Records,

    /// <summary>Lab and other test results.</summary>
    Results,

    /// <summary>Appointments and reminders.</summary>
    Appointments,

    /// <summary>Secure messages with the care team.</summary>
    Messages,

    /// <summary>Bills and payments.</summary>
    Billing,

    /// <summary>Prescriptions and refill requests.</summary>
    Prescriptions,

    /// <summary>Demographics, contact details, consents and insurance.</summary>
    Profile,

    /// <summary>Who accessed the chart; only the patient and administrators see it.</summary>
    AccessLog,

    /// <summary>Granting and revoking caregiver access: the patient; the front desk and administrators (approved requests, revocations).</summary>
    Proxies,

    /// <summary>Issuing portal activation codes; only the front desk and administrators, never the patient or a caregiver.</summary>
    Activation,

    /// <summary>
    /// Requests to amend the record (HIPAA right to amend) and their decisions: clinicians and administrators decide
    /// them; for a caregiver they ride on the grant's records scopes.
    /// </summary>
    Amendments,
}
