using Portal.Core.Patients;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Finds the chart a lab's patient belongs to, or says why not: an identifier from the lab's configured MRN authority
/// (PID-3) must name one patient in the MRN index, and the birth date and family name the lab sent must both agree.
/// Anything less is not a match: a result is never attached to the wrong chart.
/// </summary>
public sealed class PatientMatcher(IPatientIndex index)
{
    /// <summary>The patient id, or null with the reason for staff.</summary>
    public async Task<(string? PatientId, string? Reason)> MatchAsync(LabSender? sender, LabPatient patient, CancellationToken cancellationToken)
    {
        if (sender is null || sender.MrnAuthority.Length == 0)
        {
            return (null, "The sending lab is not configured (Labs:Senders), so its identifiers cannot be trusted as MRNs.");
        }

        var mrns = patient.Identifiers
            .Where(id => FromAuthority(id, sender.MrnAuthority))
            .Select(id => id.Value.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (mrns.Count == 0)
        {
            return (null, $"No patient identifier from the MRN authority {sender.MrnAuthority}.");
        }

        if (mrns.Count > 1)
        {
            return (null, "More than one MRN from the clinic's authority.");
        }

        if (!MedicalRecordNumber.IsValid(mrns[0]))
        {
            return (null, "The MRN is not in the clinic's format.");
        }

        var found = await index.FindByMrnAsync(mrns[0], cancellationToken);
        if (found is null)
        {
            return (null, "No patient has this MRN.");
        }

        if (patient.BirthDate is not { Precision: >= TimePrecision.Day } birth || birth.Date != found.BirthDate)
        {
            return (null, "The MRN is known but the birth date does not agree.");
        }

        if (patient.Name?.Family is not { } family || NameFolding.Fold(family) != NameFolding.Fold(found.FamilyName))
        {
            return (null, "The MRN is known but the family name does not agree.");
        }

        return (found.PatientId, null);
    }

    private static bool FromAuthority(LabIdentifier id, string authority) =>
        id.AssigningAuthority is { } a
        && (string.Equals(a.NamespaceId, authority, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.UniversalId, authority, StringComparison.OrdinalIgnoreCase));
}
