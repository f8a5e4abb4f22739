using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Caregivers;
using Portal.Core.Caregivers.Fhir;
using Portal.Core.Billing;
using Portal.Core.Billing.Fhir;
using Portal.Core.Clinic;
using Portal.Core.Journal;
using Portal.Core.Journal.Fhir;
using Portal.Core.Messaging;
using Portal.Core.Messaging.Fhir;
using Portal.Core.Prescriptions;
using Portal.Core.Profile;
using Portal.Core.Scheduling.Fhir;

namespace Portal.Core.Record.Fhir;

/// <summary>The sources of each FHIR type, in the order a search pages through them, and the clinic facts resources carry.</summary>
public sealed class FhirSources
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<FhirSource>> byType;
    private readonly IOptions<ClinicOptions> clinic;

    /// <summary>Wires the sources to the ports.</summary>
    public FhirSources(
        IHealthRecord record, ILabResultsReader labs, IProfiles profiles, IMessageThreads threads, MessagePools pools, ThreadAccess threadAccess, IClaims claims, IJournal journal,
        SchedulingFhirReads scheduling, IRefillRequests refills, IProxyGrants grants, ProxyRules rules, TimeProvider clock,
        IOptions<ClinicOptions> clinic, IOptions<FhirOptions> options)
    {
        this.clinic = clinic;
        Clinic = scheduling;
        const string clinicalNote = DocumentReferenceResource.CategorySystem + "|clinical-note";
        byType = new Dictionary<string, IReadOnlyList<FhirSource>>(StringComparer.Ordinal)
        {
            ["Patient"] = [new ProfileSource(profiles, options.Value.PatientIdentifierSystem)],
            ["AllergyIntolerance"] = [new SectionSource(record, RecordSection.Allergies, null)],
            ["MedicationRequest"] = [new SectionSource(record, RecordSection.Medications, null)],
            ["Immunization"] = [new SectionSource(record, RecordSection.Immunizations, null)],
            ["Condition"] = [new SectionSource(record, RecordSection.Problems, null)],
            ["Observation"] =
            [
                new SectionSource(record, RecordSection.Vitals, VitalSignResource.Category),
                new LabSource(labs, "Observation", VitalSignResource.CategorySystem + "|laboratory"),
                new JournalEntrySource(journal, measurements: true),
            ],
            ["Encounter"] = [new SectionSource(record, RecordSection.Visits, null)],
            ["DocumentReference"] = [new SectionSource(record, RecordSection.Notes, clinicalNote), new SectionSource(record, RecordSection.Documents, clinicalNote)],
            ["DiagnosticReport"] = [new LabSource(labs, "DiagnosticReport", "http://terminology.hl7.org/CodeSystem/v2-0074|LAB")],
            ["CarePlan"] = [new SectionSource(record, RecordSection.CarePlans, CarePlanResource.CategorySystem + "|assess-plan")],
            ["Appointment"] = [scheduling.Appointments],
            ["Communication"] = [new CommunicationSource(threads, pools, threadAccess)],
            ["Coverage"] = [new CoverageSource(profiles)],
            ["ExplanationOfBenefit"] = [new ExplanationOfBenefitSource(claims, clinic)],
            ["Task"] = [new RefillTaskSource(refills)],
            ["QuestionnaireResponse"] = [new JournalEntrySource(journal, measurements: false)],
            ["Provenance"] = [new JournalShareSource(journal)],
        };
        byType = byType.Concat(CaregiverSource.Both(grants, rules, clock)).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>The clinic's own types (<see cref="FhirResourceKind.ClinicLevel"/>).</summary>
    internal IClinicFhirResources Clinic { get; }

    /// <summary>The type's sources.</summary>
    internal IReadOnlyList<FhirSource> Of(FhirResourceKind kind) => byType[kind.Name];

    /// <summary>The facts resources need, for an API served at <paramref name="apiBase"/>.</summary>
    internal FhirContext Context(string apiBase) =>
        new(apiBase.TrimEnd('/'), clinic.Value.Name, TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone));

    /// <summary>The clinic's time zone (dates in searches without an offset are its).</summary>
    internal TimeZoneInfo ClinicZone => TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
}
