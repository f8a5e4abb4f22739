namespace Portal.Core.Record;

/// <summary>What a push did, one answer per request entry, in the Bundle's order.</summary>
/// <param name="PatientId">The patient the Bundle was matched to.</param>
/// <param name="Entries">The answers.</param>
/// <param name="Written">How many items were created or changed (0 for a resend that changes nothing).</param>
public sealed record PushOutcome(string PatientId, IReadOnlyList<PushAnswer> Entries, int Written);

/// <summary>One entry's answer (a FHIR <c>Bundle.entry.response</c>).</summary>
/// <param name="Status">The HTTP status line: <c>201 Created</c> or <c>200 OK</c>.</param>
/// <param name="Location">The resource as the portal serves it, <c>{type}/{id}/_history/{version}</c>, if it is one.</param>
/// <param name="Version">The item's version, for the weak ETag.</param>
/// <param name="LastModified">When the item was last written.</param>
public sealed record PushAnswer(string Status, string? Location, int? Version, DateTimeOffset? LastModified);
