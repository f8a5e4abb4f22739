#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Text;
using Hl7.Fhir.Model;
using Portal.Core.Profile;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;
using Portal.Tests.Record;

namespace Portal.Tests.Fhir;

public class FhirResourcesTests
{
    private static readonly FhirContext Context = new("https://portal.test/api", "Main Street Clinic", TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

    [Fact]
    public void Every_resource_carries_the_item_id_version_time_and_patient()
    {
        var item = RecordItems.Item(RecordItems.Penicillin(), source: new SourceIdentifier("https://ehr.example.org", "a-1")) with { Version = 3 };

        var allergy = (AllergyIntolerance)FhirResources.From(item, Context);

        Assert.Equal((item.ItemId, "3", item.RecordedAt, "Patient/pat-1"), (allergy.Id, allergy.Meta.VersionId, allergy.Meta.LastUpdated, allergy.Patient.Reference));
        Assert.Equal([AllergyResource.Profile], allergy.Meta.Profile);
        Assert.Equal(("https://ehr.example.org", "a-1"), (allergy.Identifier[0].System, allergy.Identifier[0].Value));
        Assert.Equal(("active", "confirmed", "2012-06"), (allergy.ClinicalStatus.Coding[0].Code, allergy.VerificationStatus.Coding[0].Code, ((FhirDateTime)allergy.Onset).Value));
        Assert.Equal(("Hives", AllergyIntolerance.AllergyIntoleranceSeverity.Moderate), (allergy.Reaction[0].Manifestation[0].Text, allergy.Reaction[0].Severity));
    }

    [Fact]
    public void The_portals_own_identifiers_stay_inside()
    {
        var item = RecordItems.Item(RecordItems.Penicillin(), source: SourceIdentifier.FromSenderId("AllergyIntolerance", "17"));

        Assert.Empty(((AllergyIntolerance)FhirResources.From(item, Context)).Identifier);
    }

    [Fact]
    public void An_entry_made_in_error_says_so_and_has_no_clinical_status()
    {
        var allergy = (AllergyIntolerance)FhirResources.From(RecordItems.Item(RecordItems.Penicillin()) with { Status = RecordStatus.EnteredInError }, Context);
        var problem = (Condition)FhirResources.From(RecordItems.Item(Problem(ProblemClinicalStatus.Active)) with { Status = RecordStatus.EnteredInError }, Context);
        var medication = (MedicationRequest)FhirResources.From(RecordItems.Item(RecordItems.Lisinopril()) with { Status = RecordStatus.EnteredInError }, Context);

        Assert.Null(allergy.ClinicalStatus);
        Assert.Equal("entered-in-error", allergy.VerificationStatus.Coding[0].Code);
        Assert.Null(problem.ClinicalStatus);
        Assert.Equal("entered-in-error", problem.VerificationStatus.Coding[0].Code);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.EnteredInError, medication.Status);
    }

    [Theory]
    [InlineData(ProblemCategory.ProblemList, "problem-list-item", ConditionResource.ProblemsProfile)]
    [InlineData(ProblemCategory.HealthConcern, "health-concern", ConditionResource.ProblemsProfile)]
    [InlineData(ProblemCategory.EncounterDiagnosis, "encounter-diagnosis", ConditionResource.DiagnosisProfile)]
    public void A_condition_claims_the_US_Core_profile_of_its_category(ProblemCategory category, string code, string profile)
    {
        var condition = (Condition)FhirResources.From(RecordItems.Item(Problem(ProblemClinicalStatus.Active, category)), Context);

        Assert.Equal((code, profile), (condition.Category.Single().Coding[0].Code, condition.Meta.Profile.Single()));
    }

    [Fact]
    public void An_abatement_beside_a_current_status_is_left_out()
    {
        var active = (Condition)FhirResources.From(RecordItems.Item(Problem(ProblemClinicalStatus.Active)), Context);
        var resolved = (Condition)FhirResources.From(RecordItems.Item(Problem(ProblemClinicalStatus.Resolved)), Context);

        Assert.Null(active.Abatement);
        Assert.Equal("2024-01", ((FhirDateTime)resolved.Abatement).Value);
    }

    [Fact]
    public void A_medication_keeps_its_dose_prescriber_supply_and_visit()
    {
        var request = (MedicationRequest)FhirResources.From(RecordItems.Item(RecordItems.Lisinopril(), visitId: "visit-1"), Context);

        Assert.Equal((MedicationRequest.MedicationrequestStatus.Active, MedicationRequest.MedicationRequestIntent.Order), (request.Status, request.Intent));
        Assert.Equal(("314076", "Lisinopril 10 MG Oral Tablet"), (((CodeableConcept)request.Medication).Coding[0].Code, ((CodeableConcept)request.Medication).Text));
        Assert.Equal(("1 tablet by mouth once daily", "Dr. Maya Patel", "2025-11-04"), (request.DosageInstruction[0].Text, request.Requester.Display, request.AuthoredOn));
        Assert.Equal((30m, "d", 30m), (request.DispenseRequest.ExpectedSupplyDuration.Value, request.DispenseRequest.ExpectedSupplyDuration.Code, request.DispenseRequest.Quantity.Value));
        Assert.Equal("Encounter/visit-1", request.Encounter.Reference);
    }

    [Fact]
    public void Blood_pressure_has_its_two_components_and_claims_its_profiles()
    {
        var observation = (Observation)FhirResources.From(RecordItems.Item(Vital(VitalKind.BloodPressure, "mm[Hg]", 120, 80)), Context);

        Assert.Null(observation.Value);
        Assert.Equal([("8480-6", 120m, "mm[Hg]"), ("8462-4", 80m, "mm[Hg]")], observation.Component.Select(c => (c.Code.Coding[0].Code, ((Quantity)c.Value).Value!.Value, ((Quantity)c.Value).Code)));
        Assert.Equal(("85354-9", "vital-signs"), (observation.Code.Coding[0].Code, observation.Category[0].Coding[0].Code));
        Assert.Equal(
            ["http://hl7.org/fhir/StructureDefinition/vitalsigns", "http://hl7.org/fhir/StructureDefinition/bp", VitalSignResource.UsCoreVitalSigns, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure"],
            observation.Meta.Profile);
    }

    [Fact]
    public void A_measurement_in_a_unit_the_profiles_do_not_allow_claims_none()
    {
        Assert.Empty(((Observation)FhirResources.From(RecordItems.Item(Vital(VitalKind.BodyWeight, "lb", 180)), Context)).Meta.Profile);
        Assert.NotEmpty(((Observation)FhirResources.From(RecordItems.Item(Vital(VitalKind.BodyWeight, "[lb_av]", 180)), Context)).Meta.Profile);
    }

    [Fact]
    public void Pulse_oximetry_carries_both_codes_US_Core_asks_for()
    {
        var observation = (Observation)FhirResources.From(RecordItems.Item(Vital(VitalKind.OxygenSaturation, "%", 97)), Context);

        Assert.Equal(["2708-6", "59408-5"], observation.Code.Coding.Select(c => c.Code));
        Assert.Equal(97m, ((Quantity)observation.Value).Value);
    }

    [Fact]
    public void A_time_without_an_offset_is_the_clinics_local_time_with_its_offset()
    {
        var content = new RecordContent(VitalSign: new VitalSign(VitalKind.HeartRate, "Heart rate", "2026-01-15T08:30:00", [new VitalValue("8867-4", "Heart rate", 70, "/min")], []));

        var observation = (Observation)FhirResources.From(RecordItems.Item(content), Context);

        Assert.Equal("2026-01-15T08:30:00-06:00", ((FhirDateTime)observation.Effective).Value);
    }

    [Fact]
    public void A_note_carries_its_text_and_a_document_its_download_link()
    {
        var noteItem = RecordItems.Item(new RecordContent(Note: new ClinicalNote("Progress note", NoteKind.ProgressNote, "Dr. Maya Patel", "2026-02-10", "Doing well.", [])), visitId: "visit-1");
        var documentItem = RecordItems.Item(new RecordContent(Document: new ChartDocument(
            "Discharge instructions", DocumentKind.Discharge, "application/pdf", 1234, "pat-1/abc", "2025-09-12", null, null, "ab", [])));

        var note = (DocumentReference)FhirResources.From(noteItem, Context);
        var document = (DocumentReference)FhirResources.From(documentItem, Context);

        Assert.Equal(("11506-3", "clinical-note", "Doing well."), (note.Type.Coding[0].Code, note.Category[0].Coding[0].Code, Encoding.UTF8.GetString(note.Content[0].Attachment.Data)));
        Assert.Equal("Encounter/visit-1", note.Context.Encounter[0].Reference);
        Assert.Equal(("18842-5", $"https://portal.test/api/patients/pat-1/documents/{documentItem.ItemId}/content", 1234, "Main Street Clinic"),
            (document.Type.Coding[0].Code, document.Content[0].Attachment.Url, document.Content[0].Attachment.SizeUnsignedInt, document.Custodian.Display));
    }

    [Fact]
    public void A_care_plans_narrative_is_escaped_XHTML()
    {
        var plan = (Hl7.Fhir.Model.CarePlan)FhirResources.From(RecordItems.Item(new RecordContent(CarePlan: new Portal.Core.Record.CarePlan(
            "Plan <A>", "Salt & sugar", CarePlanStatus.Active, "2026-02-10", null, ["Walk"], ["BP < 130/80"], "Dr. Maya Patel", []))), Context);

        Assert.Equal(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Plan &lt;A&gt;</b></p><p>Salt &amp; sugar</p><p>Goals</p><ul><li>BP &lt; 130/80</li></ul><p>Activities</p><ul><li>Walk</li></ul></div>",
            plan.Text.Div);
        Assert.Equal(("assess-plan", Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan), (plan.Category[0].Coding[0].Code, plan.Intent));
    }

    [Fact]
    public void The_patient_has_the_MRN_name_and_an_unknown_gender()
    {
        var profile = new PatientProfile("pat-1", "MRN-42", "Ana", "Lopez", new DateOnly(1980, 5, 17), "+15555550100", "ana@example.org",
            new PostalAddress("1 Main St", null, "Springfield", "IL", "62701", "US"), "es-US", null, true, true,
            [new EmergencyContact("Luis Lopez", ContactRelationship.Spouse, "+15555550101")], null);

        var patient = PatientResource.From(profile, "urn:oid:1.2.3");

        Assert.Equal(("urn:oid:1.2.3", "MRN-42", "MR"), (patient.Identifier[0].System, patient.Identifier[0].Value, patient.Identifier[0].Type.Coding[0].Code));
        Assert.Equal(("Lopez", "Ana", AdministrativeGender.Unknown, "1980-05-17"), (patient.Name[0].Family, patient.Name[0].Given.Single(), patient.Gender!.Value, patient.BirthDate));
        Assert.Equal(["+15555550100", "ana@example.org"], patient.Telecom.Select(t => t.Value));
        Assert.Equal(("es-US", "Luis Lopez"), (patient.Communication[0].Language.Coding[0].Code, patient.Contact[0].Name.Text));
    }

    private static RecordContent Problem(ProblemClinicalStatus status, ProblemCategory category = ProblemCategory.ProblemList) => new(Problem: new HealthProblem(
        "Hypertension", [new RecordCode(CodeSystems.Icd10Cm, "I10")], status, ProblemVerification.Confirmed, category, "2020", "2024-01"));

    private static RecordContent Vital(VitalKind kind, string unit, params decimal[] values)
    {
        var codes = kind == VitalKind.BloodPressure ? [VitalKinds.Systolic, VitalKinds.Diastolic] : new[] { kind.Loinc() };
        return new(VitalSign: new VitalSign(kind, VitalKinds.Of(kind).Name, "2026-02-10T09:35:00-06:00",
            [.. values.Select((v, i) => new VitalValue(codes[i], VitalKinds.Of(kind).Name, v, unit))], []));
    }
}
