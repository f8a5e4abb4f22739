using System.Text;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.Azure.Patients;

/// <summary>Searches the patient index (<see cref="PatientIndexRows"/>): one request per search, no chart reads.</summary>
internal sealed class TablePatientIndex(PortalTables tables, IProfiles profiles) : IPatientIndex
{
    public async Task<FoundPatient?> FindByMrnAsync(string mrn, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(PatientIndexRows.MrnPartition, PatientIndexRows.MrnRow(mrn), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        if (PatientIndexRows.ToFound(row.Value!) is { } found)
        {
            return found;
        }

        // An MRN row written before the rows carried names: the profile tells (one more point read).
        var profile = await profiles.FindAsync(row.Value!.GetString("PatientId"), cancellationToken);
        return profile is null ? null : PatientIndexRows.Found(profile.Value);
    }

    public Task<Page<FoundPatient>> FindByNameAsync(
        string foldedFamilyPrefix, DateOnly birthDate, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = PatientIndexRows.NamePartition(birthDate);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {foldedFamilyPrefix} and RowKey lt {UpperBound(foldedFamilyPrefix)}");

        // The token is bound to this birth date and prefix: one from another search is refused.
        return PagedQueries.ReadAsync(
            tables.Lookups, filter, pageSize, continuationToken, $"{partition}\n{foldedFamilyPrefix}", row => PatientIndexRows.ToFound(row)!, cancellationToken);
    }

    // The prefix with its last letter moved one code point up: every key that starts with the prefix sorts below
    // it, and no other key sorts between the two.
    private static string UpperBound(string prefix)
    {
        Rune.DecodeLastFromUtf16(prefix, out var last, out var length);
        return Rune.IsValid(last.Value + 1) ? prefix[..^length] + new Rune(last.Value + 1) : prefix + char.MaxValue;
    }
}
