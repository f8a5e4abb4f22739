using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Reads a pushed FHIR R4 <c>transaction</c> Bundle: checks every entry (request, resource type, identifiers,
/// the patient it is about) and maps each resource into the record's terms. Every problem found is reported
/// at once, by FHIRPath expression; any problem refuses the whole Bundle.
/// </summary>
internal static class FhirBundleReader
{
    /// <summary>The resource types a push may carry.</summary>
    public static readonly IReadOnlyList<string> Accepted =
        ["Patient", "AllergyIntolerance", "MedicationRequest", "Immunization", "Condition", "Observation", "Encounter", "DocumentReference", "Binary", "CarePlan"];

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static Result<PushedBundle> Read(string json)
    {
        var issues = new FhirIssues();
        Resource parsed;
        try
        {
            parsed = Deserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException exception)
        {
            foreach (var error in exception.Exceptions.Take(20))
            {
                issues.Add("Bundle", $"Not valid FHIR R4 JSON: {error.Message}");
            }

            return issues.ToFailure()!;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            issues.Add("Bundle", $"Not valid FHIR R4 JSON: {exception.Message}");
            return issues.ToFailure()!;
        }

        if (parsed is not Bundle { Type: Bundle.BundleType.Transaction } bundle)
        {
            issues.Add("Bundle.type", "Send a Bundle of type transaction.");
            return issues.ToFailure()!;
        }

        if (bundle.Entry.Count == 0)
        {
            issues.Add("Bundle.entry", "The Bundle has no entries.");
            return issues.ToFailure()!;
        }

        var references = new BundleReferences(bundle);
        var mrn = Mrn(bundle, issues);
        var identifiers = bundle.Entry.Select((entry, index) => Identifiers(entry, $"Bundle.entry[{index}]", issues)).ToList();
        foreach (var duplicate in identifiers.SelectMany((ids, index) => ids.Select(id => (id, index))).GroupBy(x => x.id).Where(g => g.Count() > 1))
        {
            issues.Add($"Bundle.entry[{duplicate.Last().index}].resource.identifier", $"Another entry (Bundle.entry[{duplicate.First().index}]) is the same item ({duplicate.Key}).");
        }

        var entries = new List<PushedEntry>();
        for (var index = 0; index < bundle.Entry.Count; index++)
        {
            var path = $"Bundle.entry[{index}]";
            var resource = bundle.Entry[index].Resource;
            if (resource is null or Patient or Binary)
            {
                entries.Add(new PushedEntry(index, resource?.TypeName ?? "", null));
                continue;
            }

            if (mrn is not null)
            {
                CheckPatient(resource, mrn, references, $"{path}.resource", issues);
            }

            var mapped = Map(resource, $"{path}.resource", issues, references);
            if (mapped is not null && identifiers[index].Count > 0)
            {
                var visit = mapped.Encounter is { } encounter ? references.Identifier(encounter, identifiers) : null;
                var createOnly = bundle.Entry[index].Request?.Method == Bundle.HTTPVerb.POST && bundle.Entry[index].Request?.IfNoneExist is not null;
                entries.Add(new PushedEntry(index, resource.TypeName, new PushedItem(identifiers[index], createOnly, mapped, FhirValues.Confidential(resource), visit)));
            }
        }

        foreach (var unused in references.UnusedBinaries())
        {
            issues.Add($"Bundle.entry[{unused}].resource", "No DocumentReference of the Bundle points at this Binary.");
        }

        return issues.ToFailure() is { } failure ? failure : new PushedBundle(mrn!, entries);
    }

    private static MappedContent? Map(Resource resource, string path, FhirIssues issues, BundleReferences references) => resource switch
    {
        AllergyIntolerance allergy => FhirAllergies.Read(allergy, path, issues),
        MedicationRequest medication => FhirMedications.Read(medication, path, issues),
        Hl7.Fhir.Model.Immunization immunization => FhirImmunizations.Read(immunization, path, issues),
        Condition condition => FhirProblems.Read(condition, path, issues),
        Observation observation => FhirVitals.Read(observation, path, issues),
        Encounter encounter => FhirVisits.Read(encounter, path, issues),
        DocumentReference document => FhirDocuments.Read(document, path, issues, references.Binary),
        Hl7.Fhir.Model.CarePlan plan => FhirCarePlans.Read(plan, path, issues),
        _ => Refuse(resource, path, issues),
    };

    private static MappedContent? Refuse(Resource resource, string path, FhirIssues issues)
    {
        issues.Add(path, $"{resource.TypeName} is not accepted; send {string.Join(", ", Accepted)}.");
        return null;
    }

    /// <summary>
    /// The sender's identifiers of an entry's item: the one its conditional request names (<c>PUT Type?identifier=</c>,
    /// <c>ifNoneExist</c>), its <c>identifier</c>s, and its own logical id (<c>PUT Type/id</c> or <c>resource.id</c>)
    /// as <see cref="SourceIdentifier.FromSenderId"/>, so references such as <c>Encounter/123</c> find it.
    /// </summary>
    private static List<SourceIdentifier> Identifiers(Bundle.EntryComponent entry, string path, FhirIssues issues)
    {
        var resource = entry.Resource;
        if (resource is null)
        {
            issues.Add($"{path}.resource", "Every entry needs a resource.");
            return [];
        }

        if (entry.Request is not { Method: Bundle.HTTPVerb.POST or Bundle.HTTPVerb.PUT } request)
        {
            issues.Add($"{path}.request", "Every entry needs a request with method POST (create, or ifNoneExist) or PUT (conditional update).");
            return [];
        }

        var url = request.Url ?? "";
        var type = url.Split('?', '/')[0];
        if (type != resource.TypeName)
        {
            issues.Add($"{path}.request.url", $"Name the resource's own type: {resource.TypeName}.");
            return [];
        }

        if (resource is Patient or Binary)
        {
            return [];
        }

        var found = new List<SourceIdentifier>();
        var conditional = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : request.IfNoneExist;
        if (conditional is not null)
        {
            var value = conditional.StartsWith("identifier=", StringComparison.Ordinal) ? SourceIdentifier.Parse(Uri.UnescapeDataString(conditional["identifier=".Length..])) : null;
            if (value is null || !value.IsValid)
            {
                issues.Add(request.IfNoneExist is null ? $"{path}.request.url" : $"{path}.request.ifNoneExist", "Only identifier=system|value is supported as a condition.");
            }
            else
            {
                found.Add(value);
            }
        }

        foreach (var identifier in ((IIdentifiable<List<Identifier>>?)(resource as IIdentifiable<List<Identifier>>))?.Identifier ?? [])
        {
            if (identifier.System is { Length: > 0 } && identifier.Value is { Length: > 0 } && new SourceIdentifier(identifier.System, identifier.Value) is { IsValid: true } valid)
            {
                found.Add(valid);
            }
        }

        var logicalId = url.Contains('/', StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('/', StringComparison.Ordinal) + 1)..] : resource.Id;
        if (logicalId is { Length: > 0 and <= 64 })
        {
            found.Add(SourceIdentifier.FromSenderId(resource.TypeName, logicalId));
        }

        if (found.Count == 0)
        {
            issues.Add($"{path}.resource.identifier", $"An identifier (system and value) is required, so a resend updates the item instead of adding another; or PUT {resource.TypeName}?identifier=system|value.");
        }

        return [.. found.Distinct()];
    }

    /// <summary>The MRN of the Patient entry (identifier type MR, else its only identifier), or of the first reference that names the patient by identifier.</summary>
    private static string? Mrn(Bundle bundle, FhirIssues issues)
    {
        var fromPatients = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Select(PatientMrn).Distinct().ToList();
        if (fromPatients.Count > 1)
        {
            issues.Add("Bundle.entry", "A Bundle is about one patient; it holds several Patient entries with different MRNs.");
            return null;
        }

        var mrn = fromPatients.FirstOrDefault() ?? bundle.Entry.Select(e => e.Resource).Select(PatientReference).FirstOrDefault(r => r?.Identifier?.Value is not null)?.Identifier?.Value;
        if (mrn is null)
        {
            issues.Add("Bundle.entry", "Name the patient by MRN: a Patient entry with an MRN identifier (type MR), or subject references with the MRN as identifier.");
        }

        return mrn;
    }

    private static string? PatientMrn(Patient patient) =>
        (patient.Identifier.FirstOrDefault(i => FhirValues.Has(i.Type, "MR")) ?? (patient.Identifier.Count == 1 ? patient.Identifier[0] : null))?.Value;

    private static void CheckPatient(Resource resource, string mrn, BundleReferences references, string path, FhirIssues issues)
    {
        var (reference, element) = (PatientReference(resource), resource is AllergyIntolerance or Hl7.Fhir.Model.Immunization ? "patient" : "subject");
        if (reference is null)
        {
            issues.Add($"{path}.{element}", "The patient reference is required.");
        }
        else if (!references.IsPatient(reference, mrn))
        {
            issues.Add($"{path}.{element}", "This refers to another patient than the Bundle's; a Bundle is about one patient.");
        }
    }

    private static ResourceReference? PatientReference(Resource? resource) => resource switch
    {
        AllergyIntolerance r => r.Patient,
        Hl7.Fhir.Model.Immunization r => r.Patient,
        MedicationRequest r => r.Subject,
        Condition r => r.Subject,
        Observation r => r.Subject,
        Encounter r => r.Subject,
        DocumentReference r => r.Subject,
        Hl7.Fhir.Model.CarePlan r => r.Subject,
        _ => null,
    };
}
