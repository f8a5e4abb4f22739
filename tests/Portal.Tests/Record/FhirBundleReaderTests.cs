using System.Text.Json.Nodes;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;

namespace Portal.Tests.Record;

/// <summary>Reading pushed Bundles of the US Core example records into the record's terms, and refusing bad ones.</summary>
public class FhirBundleReaderTests
{
    private static PushedBundle Read(JsonObject bundle)
    {
        var result = FhirBundleReader.Read(bundle.ToJsonString());
        Assert.True(result.Succeeded, string.Join("\n", result.Failure?.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []));
        return result.Value;
    }

    private static IReadOnlyDictionary<string, string[]> Issues(JsonObject bundle)
    {
        var result = FhirBundleReader.Read(bundle.ToJsonString());
        Assert.False(result.Succeeded);
        return result.Failure.Errors!;
    }

    private static MappedContent Only(string file) =>
        Read(FhirSamples.Bundle("1032702", "patient-example.json", file)).Entries[1].Item!.Mapped;

    [Fact]
    public void Every_accepted_example_reads_with_the_patients_mrn()
    {
        var bundle = Read(FhirSamples.Bundle("MRN-77", FhirSamples.Accepted));

        Assert.Equal("MRN-77", bundle.Mrn);
        Assert.Equal(FhirSamples.Accepted.Length, bundle.Entries.Count);
        Assert.Null(bundle.Entries[0].Item);
        Assert.All(bundle.Entries.Skip(1), e => Assert.NotNull(e.Item));
    }

    [Fact]
    public void An_allergy_keeps_substance_reaction_severity_criticality_and_statuses()
    {
        var allergy = Only("allergyintolerance-example.json").Content.Allergy!;

        Assert.Equal("sulfonamide antibacterial", allergy.Substance);
        Assert.Equal(new RecordCode(CodeSystems.Snomed, "763875007", "Product containing sulfonamide (product)"), Assert.Single(allergy.Codes));
        Assert.Equal((AllergyCategory.Medication, AllergyCriticality.High, AllergySeverity.Mild), (allergy.Category!.Value, allergy.Criticality!.Value, allergy.Severity!.Value));
        Assert.Equal((AllergyClinicalStatus.Active, AllergyVerification.Confirmed), (allergy.ClinicalStatus, allergy.Verification));
        Assert.Equal(["skin rash"], allergy.Reactions);
    }

    [Fact]
    public void A_medication_keeps_its_rxnorm_dose_prescriber_and_dispense()
    {
        var medication = Only("medicationrequest-coded-oral-axid.json").Content.Medication!;

        Assert.Equal("Nizatidine 15 MG/ML Oral Solution", medication.Name);
        Assert.Equal("476872", medication.RxNorm!.Code);
        Assert.Equal(("10 mL bid", "Ronald Bone, MD", "2008-04-05"), (medication.DoseInstructions, medication.Prescriber, medication.Start));
        Assert.Equal((MedicationStatus.Active, 1, 30), (medication.Status, medication.RefillsRemaining, medication.DaysSupply));
        Assert.Equal(new RecordQuantity(480, "mL", "mL"), medication.Quantity);
        Assert.Equal("Active Duodenal Ulcer", medication.Reason);
        Assert.False(medication.ControlledSubstance);
    }

    [Fact]
    public void A_contained_medication_names_the_drug()
    {
        var medication = Only("medicationrequest-contained-oral-axid.json").Content.Medication!;

        Assert.Equal("582620", medication.RxNorm!.Code);
    }

    [Fact]
    public void The_portals_extensions_carry_refills_last_fill_and_controlled_substance()
    {
        var resource = FhirSamples.Resource("medicationrequest-coded-oral-axid.json");
        resource["extension"] = new JsonArray(
            new JsonObject { ["url"] = PortalExtensions.RefillsRemaining, ["valueInteger"] = 0 },
            new JsonObject { ["url"] = PortalExtensions.LastFillDate, ["valueDate"] = "2024-03-01" },
            new JsonObject { ["url"] = PortalExtensions.ControlledSubstance, ["valueBoolean"] = true });

        var medication = Read(FhirSamples.Bundle("1", FhirSamples.Resource("patient-example.json"), resource)).Entries[1].Item!.Mapped.Content.Medication!;

        Assert.Equal((0, "2024-03-01", true), (medication.RefillsRemaining, medication.LastFillDate, medication.ControlledSubstance));
    }

    [Fact]
    public void An_immunization_keeps_cvx_date_lot_and_its_visit()
    {
        var bundle = Read(FhirSamples.Bundle("1", "patient-example.json", "encounter-example-1.json", "imm-1.json"));
        var immunization = bundle.Entries[2].Item!;

        Assert.Equal("197", immunization.Mapped.Content.Immunization!.Cvx!.Code);
        Assert.Equal(("2020-11-19T12:46:57-08:00", ImmunizationStatus.Completed, false), (immunization.Mapped.Content.Immunization.Date, immunization.Mapped.Content.Immunization.Status, immunization.Mapped.Content.Immunization.PrimarySource!.Value));
        Assert.False(string.IsNullOrEmpty(immunization.Mapped.Content.Immunization.LotNumber));
        Assert.Equal(bundle.Entries[1].Item!.Identifiers[0], immunization.Visit);
    }

    [Fact]
    public void Vital_signs_read_with_loinc_kinds_and_ucum_units()
    {
        var pressure = Only("blood-pressure.json").Content.VitalSign!;
        var weight = Only("weight.json").Content.VitalSign!;

        Assert.Equal(VitalKind.BloodPressure, pressure.Kind);
        Assert.Equal([new VitalValue("8480-6", "Systolic", 109, "mm[Hg]"), new VitalValue("8462-4", "Diastolic", 44, "mm[Hg]")], pressure.Values);
        Assert.Equal((VitalKind.BodyWeight, "kg"), (weight.Kind, weight.Values[0].Unit));
        Assert.Equal(20.09414m, weight.Values[0].Value);
    }

    [Fact]
    public void A_problem_a_visit_a_care_plan_and_a_note_read_as_people_read_them()
    {
        var problem = Only("condition-duodenal-ulcer.json").Content.Problem!;
        var visit = Only("encounter-example-1.json").Content.Visit!;
        var plan = Only("colonoscopy.json").Content.CarePlan!;
        var note = Read(FhirSamples.Bundle("1", "patient-example.json", "encounter-example-1.json", "documentreference-discharge-summary.json")).Entries[2].Item!;

        Assert.Equal((ProblemCategory.ProblemList, ProblemClinicalStatus.Active, ProblemVerification.Confirmed), (problem.Category, problem.ClinicalStatus, problem.Verification!.Value));
        Assert.Equal((VisitClass.Ambulatory, VisitStatus.Finished, "Office Visit"), (visit.Class, visit.Status, visit.Type));
        Assert.Equal(CarePlanStatus.Active, plan.Status);
        Assert.Contains("colonoscopy", plan.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NoteKind.DischargeSummary, note.Mapped.Content.Note!.Kind);
        Assert.StartsWith("No activity restriction, regular diet", note.Mapped.Content.Note.Text, StringComparison.Ordinal);
        Assert.NotNull(note.Visit);
    }

    [Fact]
    public void A_pdf_document_with_a_binary_entry_keeps_its_bytes_and_a_mislabelled_one_is_refused()
    {
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        JsonObject Document(string contentType) => new()
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = "letter-1",
            ["status"] = "current",
            ["type"] = new JsonObject { ["text"] = "Referral letter" },
            ["category"] = new JsonArray(new JsonObject { ["text"] = "Letter" }),
            ["subject"] = new JsonObject { ["reference"] = "Patient/example" },
            ["date"] = "2024-02-01T10:00:00Z",
            ["content"] = new JsonArray(new JsonObject { ["attachment"] = new JsonObject { ["contentType"] = contentType, ["url"] = "Binary/b1" } }),
        };
        var binary = new JsonObject { ["resourceType"] = "Binary", ["id"] = "b1", ["contentType"] = "application/pdf", ["data"] = Convert.ToBase64String(pdf) };

        var read = Read(FhirSamples.Bundle("1", FhirSamples.Resource("patient-example.json"), Document("application/pdf"), binary)).Entries[1].Item!.Mapped;
        var issues = Issues(FhirSamples.Bundle("1", FhirSamples.Resource("patient-example.json"), Document("image/png"), (JsonObject)binary.DeepClone()));

        Assert.Equal((DocumentKind.Letter, "application/pdf"), (read.Content.Document!.Kind, read.Content.Document.ContentType));
        Assert.Equal(pdf, read.Bytes!.Data);
        Assert.Contains("The bytes are not image/png.", issues["Bundle.entry[1].resource.content[0].attachment"]);
    }

    [Fact]
    public void Every_problem_of_a_bad_bundle_is_listed_by_its_element()
    {
        var otherPatient = FhirSamples.Resource("heart-rate.json");
        otherPatient["subject"] = new JsonObject { ["reference"] = "Patient/someone-else" };
        var bundle = FhirSamples.Bundle("1", FhirSamples.Resource("patient-example.json"), otherPatient, FhirSamples.Resource("some-day-smoker.json"),
            new JsonObject { ["resourceType"] = "Practitioner", ["id"] = "p1" });

        var issues = Issues(bundle);

        Assert.Contains("Bundle.entry[1].resource.subject", issues.Keys);
        Assert.Contains("Bundle.entry[2].resource.category", issues.Keys);
        Assert.Contains("Bundle.entry[3].resource", issues.Keys);
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}""", "Bundle.type")]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Foo"}}]}""", "Bundle")]
    [InlineData("""{"resourceType":"Bundle",""", "Bundle")]
    [InlineData("""{"resourceType":"Patient","id":"p"}""", "Bundle.type")]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[]}""", "Bundle")]
    public void Malformed_or_other_bundles_are_refused(string json, string expression)
    {
        var result = FhirBundleReader.Read(json);

        Assert.False(result.Succeeded);
        Assert.True(result.Failure.Errors!.ContainsKey(expression), string.Join("\n", result.Failure.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public void An_entry_without_any_identifier_cannot_be_matched_on_resend_and_is_refused()
    {
        var allergy = FhirSamples.Resource("allergyintolerance-example.json");
        allergy.Remove("id");
        var bundle = FhirSamples.Bundle("1", FhirSamples.Resource("patient-example.json"), allergy);
        bundle["entry"]![1]!["request"]!["method"] = "POST";

        Assert.Contains("Bundle.entry[1].resource.identifier", Issues(bundle).Keys);
    }

    [Fact]
    public void A_conditional_update_url_names_the_identifier_first()
    {
        var bundle = FhirSamples.Bundle("1", "patient-example.json", "allergyintolerance-example.json");
        bundle["entry"]![1]!["request"]!["url"] = "AllergyIntolerance?identifier=urn:oid:1.2.3|A-9";

        var item = Read(bundle).Entries[1].Item!;

        Assert.Equal(new SourceIdentifier("urn:oid:1.2.3", "A-9"), item.Identifiers[0]);
        Assert.Equal(SourceIdentifier.FromSenderId("AllergyIntolerance", "example"), item.Identifiers[1]);
    }
}
