using Portal.Core.Identity;

namespace Portal.LocalHost.DemoData;

/// <summary>The synthetic people of the demo clinic; every sign-in subject is printed at start-up.</summary>
internal static class DemoPeople
{
    public sealed record Person(string Subject, string Name, string[] Roles, string What);

    public sealed record DemoPatient(
        string Subject, string GivenName, string FamilyName, DateOnly BirthDate, string Mrn, string Phone, string Email,
        string Line1, string City, string State, string PostalCode, string Language, string Insurer, string MemberId);

    public static readonly DemoPatient[] Patients =
    [
        new("patient-ana", "Ana", "Diaz", new DateOnly(1984, 3, 9), "RFC-100201", "+13125550101", "ana.diaz@example.org", "1452 W Addison St", "Chicago", "IL", "60613", "es-US", "Blue Cross Blue Shield of Illinois", "XOJ884512701"),
        new("patient-ben", "Benjamin", "Okafor", new DateOnly(1957, 11, 22), "RFC-100202", "+13125550102", "ben.okafor@example.org", "820 N Michigan Ave", "Chicago", "IL", "60611", "en-US", "Medicare", "1EG4TE5MK72"),
        new("patient-chloe", "Chloe", "Nguyen", new DateOnly(1996, 6, 30), "RFC-100203", "+13125550103", "chloe.nguyen@example.org", "2210 S Wentworth Ave", "Chicago", "IL", "60616", "vi-VN", "Aetna", "W219384756"),
        new("patient-david", "David", "Kowalski", new DateOnly(1971, 1, 15), "RFC-100204", "+13125550104", "d.kowalski@example.org", "5039 N Milwaukee Ave", "Chicago", "IL", "60630", "pl-PL", "UnitedHealthcare", "UHC77120394"),
        new("patient-leo", "Leo", "Diaz", new DateOnly(2016, 9, 4), "RFC-100205", "+13125550101", "ana.diaz@example.org", "1452 W Addison St", "Chicago", "IL", "60613", "es-US", "Blue Cross Blue Shield of Illinois", "XOJ884512702"),
    ];

    /// <summary>Leo's father signs in with his own account and acts for Leo through a grant.</summary>
    public static readonly Person Caregiver = new("caregiver-luis", "Luis Diaz", ["Patient"], "caregiver: Leo Diaz's father, with a proxy grant");

    /// <summary>What Luis may do for Leo: everything but managing other caregivers and reading the access log.</summary>
    public static readonly string[] CaregiverScopes =
        ["records.read", "results.read", "appointments.write", "messages.write", "prescriptions.write", "billing.write", "profile.read"];

    public static readonly Person[] Staff =
    [
        new("dr-chen", "Dr. Mei Chen, MD", [AppRoles.Clinician], "family physician (provider)"),
        new("dr-okonkwo", "Dr. Samuel Okonkwo, DO", [AppRoles.Clinician], "internist (provider)"),
        new("np-patel", "Priya Patel, NP", [AppRoles.Clinician], "nurse practitioner (provider)"),
        new("frontdesk-lee", "Jordan Lee", [AppRoles.FrontDesk], "front desk"),
        new("billing-kim", "Grace Kim", [AppRoles.Billing], "billing office"),
        new("admin-ross", "Taylor Ross", [AppRoles.Admin], "clinic administrator"),
        new("lab-acme", "Acme Reference Lab", [AppRoles.LabPush], "lab system pushing results"),
        new(DemoRecord.EhrSubject, "Riverside EHR", [AppRoles.RecordsPush], "EHR integration pushing health records (POST /api/fhir/r4)"),
    ];
}
