using Hl7.Fhir.Model;

namespace Portal.Core.Caregivers.Fhir;

/// <summary>
/// A caregiver's grant in FHIR R4: the caregiver as a <c>RelatedPerson</c> (relationship from HL7 v3 RoleCode, the
/// grant's period) and the grant as a privacy <c>Consent</c> whose permit provision names the caregiver as the recipient,
/// the scopes granted as codes of the portal's caregiver-scope system (read → access, write → access and correct) and
/// the period. Both share the grant's id.
/// </summary>
public static class CaregiverResources
{
    /// <summary>The code system of the portal's caregiver scopes (<c>results.read</c> …).</summary>
    public const string ScopeSystem = "https://patient-portal.example.org/fhir/CodeSystem/caregiver-scope";

    private const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    private static readonly IReadOnlyDictionary<string, (string Code, string Display)> Relationships = new Dictionary<string, (string, string)>
    {
        ["parent"] = ("PRN", "parent"),
        ["guardian"] = ("GUARD", "guardian"),
        ["spouse"] = ("SPS", "spouse"),
        ["partner"] = ("DOMPART", "domestic partner"),
        ["child"] = ("CHILD", "child"),
        ["sibling"] = ("SIB", "sibling"),
        ["grandparent"] = ("GRPRN", "grandparent"),
        ["power-of-attorney"] = ("POWATT", "power of attorney"),
        ["friend"] = ("FRND", "unrelated friend"),
    };

    /// <summary>The caregiver as a RelatedPerson of the patient.</summary>
    public static RelatedPerson Person(ProxyGrant grant, bool active)
    {
        var person = new RelatedPerson
        {
            Id = grant.GrantId,
            Active = active,
            Patient = new ResourceReference($"Patient/{grant.Link.PatientId}"),
            Name = [new HumanName { Text = grant.CaregiverName }],
            Period = Period(grant),
        };
        if (grant.Link.Relationship is { } relationship)
        {
            person.Relationship = [Relationships.TryGetValue(relationship, out var code)
                ? new CodeableConcept(RoleCode, code.Code, code.Display, relationship)
                : new CodeableConcept { Text = relationship }];
        }

        return person;
    }

    /// <summary>The grant as a Consent: active while it may be used, inactive once ended or expired.</summary>
    public static Consent Consent(ProxyGrant grant, bool active) => new()
    {
        Id = grant.GrantId,
        Status = active ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
        Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
        Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
        Patient = new ResourceReference($"Patient/{grant.Link.PatientId}"),
        DateTimeElement = new FhirDateTime(grant.GrantedAt),
        PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
        Provision = new Hl7.Fhir.Model.Consent.provisionComponent
        {
            Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
            Period = Period(grant),
            Actor =
            [
                new Hl7.Fhir.Model.Consent.provisionActorComponent
                {
                    Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
                    Reference = new ResourceReference($"RelatedPerson/{grant.GrantId}", grant.CaregiverName),
                },
            ],
            Action = [.. Actions(grant)],
            Code = [.. grant.Link.Scopes.Select(scope => new CodeableConcept(ScopeSystem, scope))],
        },
    };

    private static IEnumerable<CodeableConcept> Actions(ProxyGrant grant)
    {
        const string system = "http://terminology.hl7.org/CodeSystem/consentaction";
        yield return new CodeableConcept(system, "access", "Access");
        if (grant.Link.Scopes.Any(s => s.EndsWith(".write", StringComparison.Ordinal)))
        {
            yield return new CodeableConcept(system, "correct", "Access and Correct");
        }
    }

    private static Period Period(ProxyGrant grant) => new()
    {
        StartElement = new FhirDateTime(grant.GrantedAt),
        EndElement = (grant.Link.RevokedAt ?? grant.Link.ExpiresAt) is { } end ? new FhirDateTime(end) : null,
    };
}
