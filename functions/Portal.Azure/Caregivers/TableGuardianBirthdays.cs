using System.Globalization;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Caregivers;

namespace Portal.Azure.Caregivers;

/// <summary>
/// The birthday index of grants that end at 18: <c>Lookups</c> partition <c>guardian-birthday|{MM-dd}</c>, RowKey
/// <c>{patientId}|{subject}</c>. The daily run reads one or two partitions, never the charts.
/// </summary>
internal sealed class TableGuardianBirthdays(PortalTables tables) : IGuardianBirthdays
{
    public async Task<IReadOnlyList<GuardianBirthday>> OnAsync(int month, int day, CancellationToken cancellationToken)
    {
        var entries = new List<GuardianBirthday>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(month, day)}");
        await foreach (var entity in tables.Lookups.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new GuardianBirthday(
                entity.GetString("PatientId"), entity.GetString("Subject"), DateOnly.ParseExact(entity.GetString("BirthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    public async Task RemoveAsync(GuardianBirthday entry, CancellationToken cancellationToken)
    {
        var entity = Entity(entry);
        await tables.Lookups.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
    }

    /// <summary>The index row of a grant that ends on the patient's 18th birthday.</summary>
    internal static TableEntity Entity(GuardianBirthday entry) =>
        new(Partition(entry.BirthDate.Month, entry.BirthDate.Day), $"{TableKeys.Encode(entry.PatientId)}|{TableKeys.Encode(entry.Subject)}")
        {
            ["PatientId"] = entry.PatientId,
            ["Subject"] = entry.Subject,
            ["BirthDate"] = entry.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

    private static string Partition(int month, int day) => $"guardian-birthday|{month:00}-{day:00}";
}
