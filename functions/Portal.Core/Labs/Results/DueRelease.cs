namespace Portal.Core.Labs.Results;

/// <summary>An entry of the release index: a held result whose hold ends at <paramref name="Due"/>.</summary>
/// <param name="Due">When the hold ends.</param>
/// <param name="PatientId">Whose chart.</param>
/// <param name="ResultId">Which result.</param>
public sealed record DueRelease(DateTimeOffset Due, string PatientId, string ResultId);
