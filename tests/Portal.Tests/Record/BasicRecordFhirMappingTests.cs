using Hl7.Fhir.Model;
using Portal.Core.Record;
using Portal.Core.Record.Export;

namespace Portal.Tests.Record;

/// <summary>The export's own mapping: each section as its FHIR resource, with the item's id and the patient reference.</summary>
public class BasicRecordFhirMappingTests
{
    private static readonly BasicRecordFhirMapping Mapping = new();

    [Fact]
    public void An_allergy_keeps_its_codes_status_reaction_and_criticality()
    {
        var item = RecordItems.Item(RecordItems.Penicillin());

        var allergy = Assert.IsType<AllergyIntolerance>(Mapping.ToResource(item));

        Assert.Equal((item.ItemId, "Patient/pat-1", "Penicillin", "7980", "active", "confirmed"),
            (allergy.Id, allergy.Patient!.Reference, allergy.Code!.Text, allergy.Code.Coding[0].Code, allergy.ClinicalStatus!.Coding[0].Code, allergy.VerificationStatus!.Coding[0].Code));
        Assert.Equal((AllergyIntolerance.AllergyIntoleranceCriticality.High, "Hives", AllergyIntolerance.AllergyIntoleranceSeverity.Moderate),
            (allergy.Criticality, allergy.Reaction[0].Manifestation[0].Text, allergy.Reaction[0].Severity));
        Assert.Equal("2012-06", ((FhirDateTime)allergy.Onset!).Value);
    }

    [Fact]
    public void A_medication_carries_its_dose_and_refills_and_a_visit_its_class_and_period()
    {
        var medication = Assert.IsType<MedicationRequest>(Mapping.ToResource(RecordItems.Item(RecordItems.Lisinopril())));
        var encounter = Assert.IsType<Encounter>(Mapping.ToResource(RecordItems.Item(RecordItems.OfficeVisit())));

        Assert.Equal((MedicationRequest.MedicationrequestStatus.Active, "1 tablet by mouth once daily", 3, "314076"),
            (medication.Status, medication.DosageInstruction[0].Text, medication.DispenseRequest!.NumberOfRepeatsAllowed, ((CodeableConcept)medication.Medication!).Coding[0].Code));
        Assert.Equal(("AMB", Encounter.EncounterStatus.Finished, "2026-02-27T09:30:00-06:00", "Dr. Maya Patel"),
            (encounter.Class!.Code, encounter.Status, encounter.Period!.Start, encounter.Participant[0].Individual!.Display));
    }

    [Fact]
    public void Every_section_has_a_resource()
    {
        var contents = new RecordContent[]
        {
            RecordItems.Penicillin(), RecordItems.Lisinopril(), RecordItems.OfficeVisit(),
            new(Immunization: new Portal.Core.Record.Immunization("Influenza", [new RecordCode(CodeSystems.Cvx, "141")], "2025-10-01", ImmunizationStatus.Completed)),
            new(Problem: new Problem("Hypertension", [], ProblemClinicalStatus.Active, null, ProblemCategory.ProblemList, "2025")),
            new(VitalSign: new VitalSign(VitalKind.HeartRate, "Heart rate", "2026-02-27", [new VitalValue("8867-4", "Heart rate", 72, "/min")], [])),
            new(CarePlan: new Portal.Core.Record.CarePlan("Diabetes plan", "Walk daily.", CarePlanStatus.Active, "2026-01", null, ["Walk"], ["A1c under 7"], "Dr. Chen", [])),
            new(Note: new ClinicalNote("Progress note", NoteKind.ProgressNote, "Dr. Chen", "2026-02-27", "Doing well.", [])),
            new(Document: new ChartDocument("Letter", DocumentKind.Letter, "application/pdf", 10, "p/x", "2026-02-28", null, null, "00", [])),
        };

        var types = contents.Select(c => Mapping.ToResource(RecordItems.Item(c))!.TypeName).ToList();

        Assert.Equal(["AllergyIntolerance", "MedicationRequest", "Encounter", "Immunization", "Condition", "Observation", "CarePlan", "DocumentReference", "DocumentReference"], types);
    }
}
