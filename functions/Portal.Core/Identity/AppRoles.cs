namespace Portal.Core.Identity;

/// <summary>The app roles defined on the portal's Entra app registration.</summary>
public static class AppRoles
{
    /// <summary>Doctors, nurses and other care-team members.</summary>
    public const string Clinician = "Clinician";

    /// <summary>Reception: registration, scheduling, contact details.</summary>
    public const string FrontDesk = "FrontDesk";

    /// <summary>Billing office.</summary>
    public const string Billing = "Billing";

    /// <summary>Clinic administrators.</summary>
    public const string Admin = "Admin";

    /// <summary>A laboratory system pushing results.</summary>
    public const string LabPush = "Lab.Push";

    /// <summary>An EHR integration pushing health-record data (FHIR transaction Bundles).</summary>
    public const string RecordsPush = "Records.Push";

    /// <summary>Roles held by people who work at the clinic.</summary>
    public static readonly IReadOnlyList<string> Staff = [Clinician, FrontDesk, Billing, Admin];
}
