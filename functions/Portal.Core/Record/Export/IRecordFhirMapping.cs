using Hl7.Fhir.Model;
using Portal.Core.Profile;

namespace Portal.Core.Record.Export;

/// <summary>
/// Record items and the patient as FHIR R4 resources: the export builds its Bundle from this and nothing else. The
/// FHIR API's mapping (<c>Record/Fhir</c>, US Core profiles) implements it, so an export and a search say the same.
/// </summary>
public interface IRecordFhirMapping
{
    /// <summary>The item as a resource whose id is the item's id, referring to <c>Patient/{patientId}</c>; null when the item has no FHIR form.</summary>
    /// <param name="item">The item.</param>
    /// <param name="fhirBase">The FHIR API's base address, ending in <c>/</c> (links to document content).</param>
    Resource? ToResource(RecordItem item, Uri fhirBase);

    /// <summary>The patient, with the patient id as its id.</summary>
    Patient ToPatient(PatientProfile profile);
}
