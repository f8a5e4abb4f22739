namespace Portal.Core.Patients;

/// <summary>A search of the patient index as the caller sent it: an MRN, or a family name (prefix) with a birth date.</summary>
/// <param name="Mrn">The exact MRN, any case.</param>
/// <param name="Name">The start of the family name; case, accents, apostrophes, hyphens and spaces do not matter.</param>
/// <param name="BirthDate">The date of birth as <c>YYYY-MM-DD</c>; required with a name.</param>
/// <param name="ContinuationToken">The token of the previous page of the same search.</param>
public sealed record PatientSearch(string? Mrn, string? Name, string? BirthDate, string? ContinuationToken)
{
    /// <summary>
    /// The fields sent, never their values, e.g. <c>patients?mrn</c> or <c>patients?name,birthDate</c>: the resource
    /// recorded in the audit log and in logs, which must not carry what was typed.
    /// </summary>
    public string Resource =>
        "patients?" + string.Join(',', new (string Field, string? Value)[] { ("mrn", Mrn), ("name", Name), ("birthDate", BirthDate) }
            .Where(f => f.Value is not null)
            .Select(f => f.Field));
}
