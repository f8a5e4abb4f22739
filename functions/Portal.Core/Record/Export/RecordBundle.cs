using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Portal.Core.Profile;

namespace Portal.Core.Record.Export;

/// <summary>
/// The whole record as one FHIR R4 <c>collection</c> Bundle, like <c>Patient/$everything</c>: the Patient first, then
/// every item the reader may see, each under its address in the portal's FHIR API.
/// </summary>
public static class RecordBundle
{
    /// <summary>The Bundle.</summary>
    /// <param name="profile">The patient.</param>
    /// <param name="items">The items, in the order they are listed.</param>
    /// <param name="mapping">Items and patient to resources.</param>
    /// <param name="fhirBase">The FHIR API's base address, ending in <c>/</c> (entries' <c>fullUrl</c>).</param>
    /// <param name="exportId">The export's id (the Bundle's identifier).</param>
    /// <param name="now">When it was made.</param>
    public static Bundle Create(PatientProfile profile, IEnumerable<RecordItem> items, IRecordFhirMapping mapping, Uri fhirBase, string exportId, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{Guid.ParseExact(exportId, "N"):D}"),
            Timestamp = now,
        };
        foreach (var resource in items.Select(item => mapping.ToResource(item, fhirBase)).OfType<Resource>().Prepend(mapping.ToPatient(profile)))
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = new Uri(fhirBase, $"{resource.TypeName}/{resource.Id}").ToString(), Resource = resource });
        }

        return bundle;
    }

    /// <summary>The Bundle as FHIR JSON (UTF-8).</summary>
    public static byte[] Json(Bundle bundle) => new BaseFhirJsonSerializer(ModelInfo.ModelInspector).SerializeToBytes(bundle);
}
