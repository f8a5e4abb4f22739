using Hl7.Fhir.Model;
using Portal.Core.Profile;

namespace Portal.Core.Record.Export;

/// <summary>
/// Record items and the patient as FHIR R4 resources. The export builds its Bundle from this and nothing else, so the
/// FHIR API's shared mapping (US Core profiles, <c>Record/Fhir</c>) can take the place of <see cref="BasicRecordFhirMapping"/>
/// by registering itself for this interface.
/// </summary>
public interface IRecordFhirMapping
{
    /// <summary>The item as a resource whose id is the item's id, referring to <c>Patient/{patientId}</c>; null when the item has no FHIR form.</summary>
    Resource? ToResource(RecordItem item);

    /// <summary>The patient, with the patient id as its id.</summary>
    Patient ToPatient(PatientProfile profile);
}
