using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Encounter → <see cref="Visit"/>; the narrative, when sent, is the visit's summary.</summary>
internal static class FhirVisits
{
    public static MappedContent? Read(Encounter resource, string path, FhirIssues issues)
    {
        var start = resource.Period?.Start;
        if (start is null)
        {
            issues.Add($"{path}.period.start", "When the visit began is required.");
        }

        VisitStatus? status = resource.Status switch
        {
            Encounter.EncounterStatus.Planned => VisitStatus.Planned,
            Encounter.EncounterStatus.Arrived or Encounter.EncounterStatus.Triaged or Encounter.EncounterStatus.InProgress or Encounter.EncounterStatus.Onleave => VisitStatus.InProgress,
            Encounter.EncounterStatus.Finished or Encounter.EncounterStatus.Unknown => VisitStatus.Finished,
            Encounter.EncounterStatus.Cancelled or Encounter.EncounterStatus.EnteredInError => VisitStatus.Cancelled,
            _ => null,
        };
        if (status is null)
        {
            issues.Add($"{path}.status", "Required.");
        }

        if (start is null || status is null)
        {
            return null;
        }

        var visitClass = resource.Class?.Code switch
        {
            "EMER" => VisitClass.Emergency,
            "IMP" or "ACUTE" or "NONAC" or "OBSENC" or "PRENC" or "SS" => VisitClass.Inpatient,
            "VR" => VisitClass.Virtual,
            "HH" => VisitClass.Home,
            _ => VisitClass.Ambulatory,
        };
        var type = resource.Type.Select(FhirValues.Text).FirstOrDefault(t => t is not null) ?? "Visit";
        var visit = new Visit(
            start,
            resource.Period?.End,
            type,
            [.. resource.Type.SelectMany(FhirValues.Codes)],
            visitClass,
            status.Value,
            resource.Participant.Select(p => FhirValues.Display(p.Individual)).FirstOrDefault(p => p is not null),
            resource.Location.Select(l => FhirValues.Display(l.Location)).FirstOrDefault(l => l is not null),
            resource.ReasonCode.Select(FhirValues.Text).FirstOrDefault(r => r is not null),
            [.. resource.Diagnosis.Select(d => FhirValues.Display(d.Condition)).OfType<string>().Select(text => new VisitDiagnosis(text))],
            FhirValues.Narrative(resource.Text),
            [],
            []);
        return new MappedContent(new RecordContent(Visit: visit), resource.Status == Encounter.EncounterStatus.EnteredInError, null);
    }
}
