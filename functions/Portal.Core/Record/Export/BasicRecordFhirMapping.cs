using Hl7.Fhir.Model;
using Portal.Core.Profile;
using Code = Hl7.Fhir.Model.Code;
using FhirAllergy = Hl7.Fhir.Model.AllergyIntolerance;
using FhirCarePlan = Hl7.Fhir.Model.CarePlan;
using FhirImmunization = Hl7.Fhir.Model.Immunization;

namespace Portal.Core.Record.Export;

/// <summary>
/// The export's own plain mapping of record items to base FHIR R4 resources (no US Core profile is claimed): what each
/// item says, its codes and the patient reference. It stands in until the FHIR API's shared mapping in
/// <c>Record/Fhir</c> replaces it through <see cref="IRecordFhirMapping"/>.
/// </summary>
public sealed class BasicRecordFhirMapping : IRecordFhirMapping
{
    private const string TerminologyBase = "http://terminology.hl7.org/CodeSystem/";

    /// <inheritdoc />
    public Patient ToPatient(PatientProfile profile)
    {
        var patient = new Patient
        {
            Id = profile.PatientId,
            Identifier = [new Identifier("urn:portal:mrn", profile.Mrn) { Type = Concept(TerminologyBase + "v2-0203", "MR", "Medical record number") }],
            Name = [new HumanName { Family = profile.FamilyName, Given = [profile.GivenName] }],
            BirthDate = profile.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (profile.Phone is { } phone)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, phone));
        }

        if (profile.Email is { } email)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        }

        if (profile.Address is { } a)
        {
            patient.Address.Add(new Address { Line = [.. new[] { a.Line1, a.Line2 }.OfType<string>()], City = a.City, State = a.State, PostalCode = a.PostalCode, Country = a.Country });
        }

        return patient;
    }

    /// <inheritdoc />
    public Resource? ToResource(RecordItem item)
    {
        var subject = new ResourceReference($"Patient/{item.PatientId}");
        Resource? resource = item.Content switch
        {
            { Allergy: { } a } => Allergy(a, subject),
            { Medication: { } m } => Medication(m, subject),
            { Immunization: { } i } => Immunization(i, subject),
            { Problem: { } p } => Problem(p, subject),
            { VitalSign: { } v } => Vital(v, subject),
            { Visit: { } v } => Visit(v, subject),
            { CarePlan: { } c } => CarePlan(c, subject),
            { Note: { } n } => Note(n, subject),
            { Document: { } d } => Document(d, subject),
            _ => null,
        };
        if (resource is not null)
        {
            resource.Id = item.ItemId;
            resource.Meta = new Meta { VersionId = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = item.RecordedAt };
        }

        return resource;
    }

    private static FhirAllergy Allergy(Allergy a, ResourceReference subject)
    {
        var allergy = new FhirAllergy
        {
            ClinicalStatus = Concept(TerminologyBase + "allergyintolerance-clinical", Kebab(a.ClinicalStatus)),
            VerificationStatus = Concept(TerminologyBase + "allergyintolerance-verification", Kebab(a.Verification)),
            Code = Concept(a.Codes, a.Substance),
            Patient = subject,
            Onset = Time(a.Onset),
            Criticality = a.Criticality switch
            {
                AllergyCriticality.Low => FhirAllergy.AllergyIntoleranceCriticality.Low,
                AllergyCriticality.High => FhirAllergy.AllergyIntoleranceCriticality.High,
                AllergyCriticality.UnableToAssess => FhirAllergy.AllergyIntoleranceCriticality.UnableToAssess,
                _ => null,
            },
            Note = Notes(a.Note),
        };
        if (a.Category is { } category)
        {
            allergy.Category = [category switch
            {
                AllergyCategory.Food => FhirAllergy.AllergyIntoleranceCategory.Food,
                AllergyCategory.Medication => FhirAllergy.AllergyIntoleranceCategory.Medication,
                AllergyCategory.Environment => FhirAllergy.AllergyIntoleranceCategory.Environment,
                _ => FhirAllergy.AllergyIntoleranceCategory.Biologic,
            }];
        }

        if (a.Reactions.Count > 0)
        {
            allergy.Reaction.Add(new FhirAllergy.ReactionComponent
            {
                Manifestation = [.. a.Reactions.Select(r => new CodeableConcept { Text = r })],
                Severity = a.Severity switch
                {
                    AllergySeverity.Mild => FhirAllergy.AllergyIntoleranceSeverity.Mild,
                    AllergySeverity.Moderate => FhirAllergy.AllergyIntoleranceSeverity.Moderate,
                    AllergySeverity.Severe => FhirAllergy.AllergyIntoleranceSeverity.Severe,
                    _ => null,
                },
            });
        }

        return allergy;
    }

    private static MedicationRequest Medication(Medication m, ResourceReference subject)
    {
        var request = new MedicationRequest
        {
            Status = m.Status switch
            {
                MedicationStatus.Active => MedicationRequest.MedicationrequestStatus.Active,
                MedicationStatus.OnHold => MedicationRequest.MedicationrequestStatus.OnHold,
                MedicationStatus.Stopped => MedicationRequest.MedicationrequestStatus.Stopped,
                _ => MedicationRequest.MedicationrequestStatus.Completed,
            },
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = Concept(m.Codes, m.Name),
            Subject = subject,
            AuthoredOn = m.Start,
            Requester = m.Prescriber is null ? null : new ResourceReference { Display = m.Prescriber },
        };
        if (m.DoseInstructions is { } dose)
        {
            request.DosageInstruction.Add(new Dosage { Text = dose });
        }

        if (m.Reason is { } reason)
        {
            request.ReasonCode.Add(new CodeableConcept { Text = reason });
        }

        if (m.RefillsRemaining is not null || m.DaysSupply is not null || m.Quantity is not null)
        {
            request.DispenseRequest = new MedicationRequest.DispenseRequestComponent
            {
                NumberOfRepeatsAllowed = m.RefillsRemaining,
                ExpectedSupplyDuration = m.DaysSupply is { } days ? new Duration { Value = days, Unit = "days", System = "http://unitsofmeasure.org", Code = "d" } : null,
                Quantity = m.Quantity is { } q ? new Quantity { Value = q.Value, Unit = q.Unit, System = q.UcumCode is null ? null : "http://unitsofmeasure.org", Code = q.UcumCode } : null,
            };
        }

        return request;
    }

    private static FhirImmunization Immunization(Immunization i, ResourceReference subject) => new()
    {
        Status = i.Status == ImmunizationStatus.Completed ? FhirImmunization.ImmunizationStatusCodes.Completed : FhirImmunization.ImmunizationStatusCodes.NotDone,
        VaccineCode = Concept(i.Codes, i.Vaccine),
        Patient = subject,
        Occurrence = new FhirDateTime(i.Date),
        LotNumber = i.LotNumber,
        Site = i.Site is null ? null : new CodeableConcept { Text = i.Site },
        PrimarySource = i.PrimarySource,
        StatusReason = i.NotDoneReason is null ? null : new CodeableConcept { Text = i.NotDoneReason },
        Location = i.Location is null ? null : new ResourceReference { Display = i.Location },
    };

    private static Condition Problem(HealthProblem p, ResourceReference subject) => new()
    {
        ClinicalStatus = Concept(TerminologyBase + "condition-clinical", Kebab(p.ClinicalStatus)),
        VerificationStatus = p.Verification is { } v ? Concept(TerminologyBase + "condition-ver-status", Kebab(v)) : null,
        Category =
        [
            p.Category == ProblemCategory.HealthConcern
                ? Concept("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern", "Health Concern")
                : Concept(TerminologyBase + "condition-category", Kebab(p.Category) == "problem-list" ? "problem-list-item" : "encounter-diagnosis"),
        ],
        Code = Concept(p.Codes, p.Condition),
        Subject = subject,
        Onset = Time(p.Onset),
        Abatement = Time(p.Abatement),
        RecordedDate = p.RecordedDate,
        Note = Notes(p.Note),
    };

    private static Observation Vital(VitalSign v, ResourceReference subject)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [Concept(TerminologyBase + "observation-category", "vital-signs", "Vital Signs")],
            Code = Concept(v.Codes.Count > 0 ? v.Codes : [new RecordCode(CodeSystems.Loinc, v.Kind.Loinc(), v.Name)], v.Name),
            Subject = subject,
            Effective = Time(v.TakenAt),
            Performer = v.Performer is null ? [] : [new ResourceReference { Display = v.Performer }],
        };
        if (v.Kind == VitalKind.BloodPressure || v.Values.Count > 1)
        {
            observation.Component = [.. v.Values.Select(value => new Observation.ComponentComponent
            {
                Code = Concept([new RecordCode(CodeSystems.Loinc, value.Code, value.Name)], value.Name),
                Value = Amount(value),
            })];
        }
        else if (v.Values.Count == 1)
        {
            observation.Value = Amount(v.Values[0]);
        }

        return observation;
    }

    private static Encounter Visit(Visit v, ResourceReference subject)
    {
        var encounter = new Encounter
        {
            Status = v.Status switch
            {
                VisitStatus.Planned => Encounter.EncounterStatus.Planned,
                VisitStatus.InProgress => Encounter.EncounterStatus.InProgress,
                VisitStatus.Cancelled => Encounter.EncounterStatus.Cancelled,
                _ => Encounter.EncounterStatus.Finished,
            },
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", v.Class switch
            {
                VisitClass.Emergency => "EMER",
                VisitClass.Inpatient => "IMP",
                VisitClass.Virtual => "VR",
                VisitClass.Home => "HH",
                _ => "AMB",
            }),
            Type = [Concept(v.TypeCodes, v.Type)],
            Subject = subject,
            Period = new Period { Start = v.Start, End = v.End },
        };
        if (v.Reason is { } reason)
        {
            encounter.ReasonCode.Add(new CodeableConcept { Text = reason });
        }

        if (v.Provider is { } provider)
        {
            encounter.Participant.Add(new Encounter.ParticipantComponent { Individual = new ResourceReference { Display = provider } });
        }

        if (v.Location is { } location)
        {
            encounter.Location.Add(new Encounter.LocationComponent { Location = new ResourceReference { Display = location } });
        }

        return encounter;
    }

    private static FhirCarePlan CarePlan(CarePlan c, ResourceReference subject) => new()
    {
        Status = c.Status switch
        {
            CarePlanStatus.Active => RequestStatus.Active,
            CarePlanStatus.OnHold => RequestStatus.OnHold,
            CarePlanStatus.Completed => RequestStatus.Completed,
            _ => RequestStatus.Revoked,
        },
        Intent = FhirCarePlan.CarePlanIntent.Plan,
        Category = c.Categories.Count > 0 ? [Concept(c.Categories, c.Title)] : [],
        Title = c.Title,
        Description = c.Summary,
        Subject = subject,
        Period = c.Start is null && c.End is null ? null : new Period { Start = c.Start, End = c.End },
        Author = c.Author is null ? null : new ResourceReference { Display = c.Author },
        Activity = [.. c.Activities.Select(a => new FhirCarePlan.ActivityComponent
        {
            Detail = new FhirCarePlan.DetailComponent { Status = FhirCarePlan.CarePlanActivityStatus.Unknown, Description = a },
        })],
        Note = [.. c.Goals.Select(g => new Annotation { Text = new Markdown($"Goal: {g}") })],
    };

    private static DocumentReference Note(ClinicalNote n, ResourceReference subject) => new()
    {
        Status = DocumentReferenceStatus.Current,
        Type = Concept(n.Codes.Count > 0 ? n.Codes : [n.Kind.Loinc()], n.Title),
        Category = [Concept("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note", "Clinical Note")],
        Subject = subject,
        Date = Instant(n.Date),
        Author = n.Author is null ? [] : [new ResourceReference { Display = n.Author }],
        Description = n.Title,
        Content = [new DocumentReference.ContentComponent
        {
            Attachment = new Attachment { ContentType = "text/plain; charset=utf-8", Data = System.Text.Encoding.UTF8.GetBytes(n.Text), Title = n.Title },
        }],
    };

    // The bytes are not inlined (a document may be 20 MB): the entry says what it is; the portal downloads it.
    private static DocumentReference Document(ChartDocument d, ResourceReference subject) => new()
    {
        Status = DocumentReferenceStatus.Current,
        Type = Concept(d.Codes, d.Title),
        Category = [new CodeableConcept { Text = d.Kind.ToString() }],
        Subject = subject,
        Date = Instant(d.Date),
        Author = d.Author is null ? [] : [new ResourceReference { Display = d.Author }],
        Description = d.Description ?? d.Title,
        Content = [new DocumentReference.ContentComponent
        {
            Attachment = new Attachment { ContentType = d.ContentType, Title = d.Title, Size = d.Size },
        }],
    };

    private static CodeableConcept Concept(IReadOnlyList<RecordCode> codes, string text) =>
        new() { Coding = [.. codes.Select(c => new Coding(c.System, c.Code, c.Display))], Text = text };

    private static CodeableConcept Concept(string system, string code, string? display = null) => new(system, code, display, null);

    private static Quantity Amount(VitalValue value) =>
        new() { Value = value.Value, Unit = value.Unit, System = "http://unitsofmeasure.org", Code = value.Unit };

    private static FhirDateTime? Time(string? text) => text is null ? null : new FhirDateTime(text);

    private static DateTimeOffset? Instant(string text) => ClinicalTimes.ToInstant(text, TimeZoneInfo.Utc);

    private static List<Annotation> Notes(string? note) => note is null ? [] : [new Annotation { Text = new Markdown(note) }];

    // FHIR codes are kebab case of our enum names: UnableToAssess → unable-to-assess, ProblemList → problem-list.
    private static string Kebab<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
