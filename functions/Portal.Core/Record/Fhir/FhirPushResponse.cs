using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>A push's answer as FHIR: a <c>transaction-response</c> Bundle with one entry per request entry, in order.</summary>
public static class FhirPushResponse
{
    /// <summary>The Bundle.</summary>
    public static Bundle ToBundle(PushOutcome outcome, DateTimeOffset now) => new()
    {
        Type = Bundle.BundleType.TransactionResponse,
        Timestamp = now,
        Entry = [.. outcome.Entries.Select(answer => new Bundle.EntryComponent
        {
            Response = new Bundle.ResponseComponent
            {
                Status = answer.Status,
                Location = answer.Location,
                Etag = answer.Version is { } version ? $"W/\"{version}\"" : null,
                LastModified = answer.LastModified,
            },
        })],
    };
}
