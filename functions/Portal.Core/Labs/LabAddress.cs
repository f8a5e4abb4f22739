namespace Portal.Core.Labs;

/// <summary>A postal address (HL7 XAD, FHIR Address).</summary>
/// <param name="Street">Street line.</param>
/// <param name="OtherDesignation">Second line (suite …).</param>
/// <param name="City">City.</param>
/// <param name="State">State or province.</param>
/// <param name="PostalCode">ZIP or postal code.</param>
/// <param name="Country">Country.</param>
public sealed record LabAddress(string? Street, string? OtherDesignation, string? City, string? State, string? PostalCode, string? Country);
