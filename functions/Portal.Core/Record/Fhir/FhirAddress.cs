namespace Portal.Core.Record.Fhir;

/// <summary>Where the request reached the API, for the links resources and Bundles carry.</summary>
/// <param name="FhirBase">The FHIR base, absolute (<c>https://host/api/fhir/r4</c>).</param>
/// <param name="ApiBase">The portal API's base, absolute (<c>https://host/api</c>).</param>
public sealed record FhirAddress(string FhirBase, string ApiBase);
