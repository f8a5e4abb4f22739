using Portal.Core.Common;

namespace Portal.Core.Patients;

/// <summary>Port: the clinic's patient index, read without touching any chart.</summary>
public interface IPatientIndex
{
    /// <summary>The patient with this MRN (case-insensitive), or null. One point read.</summary>
    Task<FoundPatient?> FindByMrnAsync(string mrn, CancellationToken cancellationToken);

    /// <summary>
    /// Patients born on <paramref name="birthDate"/> whose folded family name starts with
    /// <paramref name="foldedFamilyPrefix"/> (see <see cref="NameFolding"/>), in family-then-given-name order,
    /// at most <paramref name="pageSize"/> at a time. One range query. Throws
    /// <see cref="InvalidContinuationTokenException"/> for a token another query issued.
    /// </summary>
    Task<Page<FoundPatient>> FindByNameAsync(
        string foldedFamilyPrefix, DateOnly birthDate, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
