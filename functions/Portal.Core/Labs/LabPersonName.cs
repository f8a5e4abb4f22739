namespace Portal.Core.Labs;

/// <summary>A person's name (HL7 XPN/XCN, FHIR HumanName).</summary>
/// <param name="Family">Family name.</param>
/// <param name="Given">First given name.</param>
/// <param name="Middle">Further given names or initials.</param>
/// <param name="Suffix">Suffix, e.g. <c>III</c>.</param>
/// <param name="Prefix">Prefix, e.g. <c>Dr</c>.</param>
public sealed record LabPersonName(string? Family, string? Given, string? Middle = null, string? Suffix = null, string? Prefix = null)
{
    /// <summary>"Given Middle Family".</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Prefix, Given, Middle, Family, Suffix }.Where(p => !string.IsNullOrEmpty(p)));
}
