using Hl7.Fhir.Model;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Journal.Fhir;

/// <summary>
/// The journal as FHIR R4: a home measurement is an <c>Observation</c> performed by the patient (blood pressure, weight
/// and temperature claim the vital-signs profiles they meet), every other entry a <c>QuestionnaireResponse</c> the patient
/// authored, and each share a <c>Provenance</c> naming the patient as author of the shared resources.
/// </summary>
public static class JournalResources
{
    private const string R4 = "http://hl7.org/fhir/StructureDefinition/";
    private const string UsCore = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private const string Category = VitalSignResource.CategorySystem;

    /// <summary>The resource type an entry is served as.</summary>
    public static string TypeOf(JournalKind kind) => kind == JournalKind.Measurement ? "Observation" : "QuestionnaireResponse";

    /// <summary>The entry as its resource.</summary>
    public static Resource From(JournalEntry entry, FhirContext context) =>
        entry.Measurement is { } measurement ? Observation(entry, measurement, context) : Response(entry, context);

    /// <summary>A home measurement as an Observation.</summary>
    public static Observation Observation(JournalEntry entry, HomeMeasurement measurement, FhirContext context)
    {
        var (category, profiles, code, name) = measurement.Type switch
        {
            MeasurementType.BloodPressure => ("vital-signs", new[] { R4 + "vitalsigns", R4 + "bp", VitalSignResource.UsCoreVitalSigns, UsCore + "us-core-blood-pressure" }, HomeMeasurements.BloodPressurePanel, "Blood pressure panel"),
            MeasurementType.Weight => ("vital-signs", [R4 + "vitalsigns", R4 + "bodyweight", VitalSignResource.UsCoreVitalSigns, UsCore + "us-core-body-weight"], measurement.Values[0].Code, "Body weight"),
            MeasurementType.Temperature => ("vital-signs", [R4 + "vitalsigns", R4 + "bodytemp", VitalSignResource.UsCoreVitalSigns, UsCore + "us-core-body-temperature"], measurement.Values[0].Code, "Body temperature"),
            MeasurementType.Glucose => ("laboratory", [], measurement.Values[0].Code, HomeMeasurements.Find(measurement.Values[0].Code)!.Name),
            _ => ("exam", Array.Empty<string>(), measurement.Values[0].Code, HomeMeasurements.Find(measurement.Values[0].Code)!.Name),
        };
        var observation = new Observation
        {
            Id = entry.EntryId,
            Meta = Meta(entry, profiles),
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(Category, category)],
            Code = new CodeableConcept(CodeSystems.Loinc, code, name),
            Subject = FhirResources.Patient(entry.PatientId),
            Effective = new FhirDateTime(TimeZoneInfo.ConvertTime(entry.At, context.ClinicZone)),
            Issued = entry.CreatedAt,
            Performer = [Author(entry)],
            Note = [new Annotation { Text = new Markdown(entry.Text is { } text ? $"Measured at home. {text}" : "Measured at home.") }],
        };
        if (measurement.Type == MeasurementType.BloodPressure)
        {
            observation.Component =
            [
                .. measurement.Values.Select(v => new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(CodeSystems.Loinc, v.Code, HomeMeasurements.Find(v.Code)!.Name),
                    Value = Quantity(v),
                }),
            ];
        }
        else
        {
            observation.Value = Quantity(measurement.Values[0]);
        }

        return observation;
    }

    /// <summary>A symptom, side effect, well-being or note entry as a QuestionnaireResponse the patient authored.</summary>
    public static QuestionnaireResponse Response(JournalEntry entry, FhirContext context)
    {
        var items = new List<QuestionnaireResponse.ItemComponent>
        {
            Item("kind", "What the entry records", new Coding("urn:portal:journal-kind", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(entry.Kind.ToString()))),
            Item("when", "When it happened", new FhirDateTime(TimeZoneInfo.ConvertTime(entry.At, context.ClinicZone))),
        };
        if (entry.Symptom is { } symptom)
        {
            items.Add(Item("symptom", "Symptom", new FhirString(symptom.What)));
            items.Add(Item("severity", "Severity (0–10)", new Integer(symptom.Severity)));
            if (symptom.DurationMinutes is { } minutes)
            {
                items.Add(Item("duration-minutes", "How long it lasted (minutes)", new Integer(minutes)));
            }
        }

        if (entry.SideEffect is { } effect)
        {
            items.Add(Item("side-effect", "Side effect", new FhirString(effect.What)));
            items.Add(Item("medication", "Medication", effect.MedicationItemId is { } item
                ? new ResourceReference($"MedicationRequest/{item}") { Display = effect.Medication }
                : new FhirString(effect.Medication)));
            items.Add(Item("severity", "Severity (0–10)", new Integer(effect.Severity)));
        }

        if (entry.WellBeing is { } well)
        {
            AddIf(items, well.Mood, v => Item("mood", "Mood (0–10)", new Integer(v)));
            AddIf(items, well.SleepHours, v => Item("sleep-hours", "Hours slept", new FhirDecimal(v)));
            AddIf(items, well.ActivityMinutes, v => Item("activity-minutes", "Minutes active", new Integer(v)));
        }

        if (entry.Text is { } text)
        {
            items.Add(Item("text", "In the patient's words", new FhirString(text)));
        }

        if (entry.Tags.Count > 0)
        {
            items.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = "tags",
                Text = "Tags",
                Answer = [.. entry.Tags.Select(t => new QuestionnaireResponse.AnswerComponent { Value = new FhirString(t) })],
            });
        }

        return new QuestionnaireResponse
        {
            Id = entry.EntryId,
            Meta = Meta(entry, []),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = FhirResources.Patient(entry.PatientId),
            AuthoredElement = new FhirDateTime(entry.CreatedAt),
            Author = Author(entry),
            Source = FhirResources.Patient(entry.PatientId),
            Item = items,
        };
    }

    /// <summary>A share as the Provenance of the resources it shared: the patient is their author.</summary>
    public static Provenance Provenance(JournalShare share)
    {
        var agents = new List<Provenance.AgentComponent>
        {
            new()
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", "Author"),
                Who = FhirResources.Patient(share.PatientId),
            },
        };
        if (share.ByCaregiver)
        {
            agents.Add(new Provenance.AgentComponent
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "informant", "Informant"),
                Who = new ResourceReference { Display = $"{share.SharedByName ?? "Caregiver"} (caregiver)" },
                OnBehalfOf = FhirResources.Patient(share.PatientId),
            });
        }

        return new Provenance
        {
            Id = share.ShareId,
            Meta = new Meta { LastUpdated = share.SharedAt },
            Target = [.. share.Entries.Select(e => new ResourceReference($"{TypeOf(e.Kind)}/{e.EntryId}"))],
            Recorded = share.SharedAt,
            Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create"),
            Agent = agents,
        };
    }

    private static Meta Meta(JournalEntry entry, IEnumerable<string> profiles) => new()
    {
        LastUpdated = entry.UpdatedAt,
        Profile = [.. profiles],
        Tag = [new Coding("urn:portal:source", "patient-reported", "Patient-reported")],
    };

    private static ResourceReference Author(JournalEntry entry) =>
        entry.ByCaregiver ? new ResourceReference { Display = $"{entry.AuthorName ?? "Caregiver"} (caregiver)" } : FhirResources.Patient(entry.PatientId);

    private static Quantity Quantity(MeasuredValue value) => new() { Value = value.Value, Unit = value.Unit, System = CodeSystems.Ucum, Code = value.Unit };

    private static QuestionnaireResponse.ItemComponent Item(string linkId, string text, DataType value) =>
        new() { LinkId = linkId, Text = text, Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }] };

    private static void AddIf<T>(List<QuestionnaireResponse.ItemComponent> items, T? value, Func<T, QuestionnaireResponse.ItemComponent> item)
        where T : struct
    {
        if (value is { } present)
        {
            items.Add(item(present));
        }
    }
}
