using Hl7.Fhir.Model;
using Portal.Core.Profile;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// The patient's profile as a FHIR <c>Patient</c> meeting US Core's profile: the MRN as identifier, the name, and
/// the gender. The portal's profile does not hold an administrative gender, so it is <c>unknown</c>, as US Core's
/// rule for missing data on a required coded element says (AdministrativeGender has that code).
/// </summary>
public static class PatientResource
{
    /// <summary>US Core Patient.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";

    private const string IdentifierTypes = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private const string ContactRoles = "http://terminology.hl7.org/CodeSystem/v2-0131";

    /// <summary>The resource.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="mrnSystem">The namespace URI of the clinic's medical record numbers.</param>
    public static Patient From(PatientProfile profile, string mrnSystem) => new()
    {
        Id = profile.PatientId,
        Meta = new Meta { Profile = [Profile] },
        Identifier =
        [
            new Identifier(mrnSystem, profile.Mrn) { Type = FhirResources.Coded(IdentifierTypes, "MR", "Medical Record Number") },
        ],
        Active = true,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = profile.FamilyName, Given = [profile.GivenName] }],
        Gender = AdministrativeGender.Unknown,
        BirthDateElement = new Date(profile.BirthDate.Year, profile.BirthDate.Month, profile.BirthDate.Day),
        Telecom =
        [
            .. Contact(ContactPoint.ContactPointSystem.Phone, profile.Phone, ContactPoint.ContactPointUse.Mobile),
            .. Contact(ContactPoint.ContactPointSystem.Email, profile.Email, null),
        ],
        Address = profile.Address is { } address ? [Address(address)] : [],
        Communication = string.IsNullOrWhiteSpace(profile.PreferredLanguage) ? [] :
        [
            new Patient.CommunicationComponent
            {
                Language = FhirResources.Coded("urn:ietf:bcp:47", profile.PreferredLanguage),
                Preferred = true,
            },
        ],
        Contact =
        [
            .. profile.EmergencyContacts.Select(c => new Patient.ContactComponent
            {
                Relationship = [FhirResources.Coded(ContactRoles, "C", "Emergency Contact"), new CodeableConcept { Text = c.Relationship.ToString() }],
                Name = new HumanName { Text = c.Name },
                Telecom = [.. Contact(ContactPoint.ContactPointSystem.Phone, c.Phone, null)],
            }),
        ],
    };

    private static IEnumerable<ContactPoint> Contact(ContactPoint.ContactPointSystem system, string? value, ContactPoint.ContactPointUse? use) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new ContactPoint(system, use, value)];

    private static Address Address(PostalAddress address) => new()
    {
        Line = [.. new[] { address.Line1, address.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!)],
        City = address.City,
        State = address.State,
        PostalCode = address.PostalCode,
        Country = address.Country,
    };
}
