using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Portal.IntegrationTests.Fhir;

/// <summary>Reads the FHIR API's raw answers.</summary>
internal static class FhirAnswers
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource
    {
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (T)Deserializer.DeserializeResource(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts an OperationOutcome answer with the status and an error issue; returns its text.</summary>
    public static async Task<string> AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var outcome = await ReadAsync<OperationOutcome>(response);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        return issue.Diagnostics ?? "";
    }
}
