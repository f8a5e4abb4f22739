using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Portal.Core.Profile;
using Portal.Core.Record.Export;

namespace Portal.Core.Record.Fhir;

/// <summary>The export's mapping is the FHIR API's: an exported resource is the one a search would serve.</summary>
internal sealed class FhirRecordMapping(FhirSources sources, IOptions<FhirOptions> options) : IRecordFhirMapping
{
    public Resource? ToResource(RecordItem item, Uri fhirBase) =>
        FhirResources.From(item, sources.Context(new Uri(fhirBase, "../..").ToString()));

    public Patient ToPatient(PatientProfile profile) => PatientResource.From(profile, options.Value.PatientIdentifierSystem);
}
