namespace Portal.Core.Labs;

/// <summary>
/// Names a system, application or authority (HL7 HD: namespace id, universal id and its type,
/// e.g. <c>MPI&amp;2.16.840.1.113883.19.3.2.1&amp;ISO</c>; in FHIR an identifier system).
/// </summary>
/// <param name="NamespaceId">Local name (HD.1), e.g. <c>MPI</c>.</param>
/// <param name="UniversalId">Universal id (HD.2), e.g. an OID or URI.</param>
/// <param name="UniversalIdType">Type of <paramref name="UniversalId"/> (HD.3), e.g. <c>ISO</c>, <c>CLIA</c>, <c>URI</c>.</param>
public sealed record LabDesignator(string? NamespaceId, string? UniversalId, string? UniversalIdType)
{
    /// <summary>The namespace id, else the universal id.</summary>
    public override string ToString() => NamespaceId ?? UniversalId ?? string.Empty;
}
