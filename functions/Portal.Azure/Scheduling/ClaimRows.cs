using System.Globalization;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Scheduling;

namespace Portal.Azure.Scheduling;

/// <summary>
/// A provider's claim index in <c>Schedule</c>, partition <c>claim|{provider}</c> (one partition, so a week of one
/// provider is one query and a booking's units are one transaction): <c>unit|{yyyyMMddHHmm}</c> (UTC) per claimed
/// 5-minute unit, and <c>check|{appointmentId}|{yyyyMMddHHmm}</c> per claim being changed or held.
/// </summary>
internal static class ClaimRows
{
    public const string UnitPrefix = "unit|";
    public const string CheckPrefix = "check|";

    public static string Partition(string providerId) => "claim|" + TableKeys.Encode(providerId);

    public static string UnitRow(DateTimeOffset unit) => UnitPrefix + Stamp(unit);

    public static string CheckRow(SlotClaim claim) => $"{CheckPrefix}{TableKeys.Encode(claim.AppointmentId)}|{Stamp(claim.Start)}";

    public static TableEntity Unit(SlotClaim claim, DateTimeOffset unit) => new(Partition(claim.ProviderId), UnitRow(unit))
    {
        ["AppointmentId"] = claim.AppointmentId,
        ["PatientId"] = claim.PatientId,
    };

    public static TableEntity Check(SlotClaim claim, DateTimeOffset due) => new(Partition(claim.ProviderId), CheckRow(claim))
    {
        ["AppointmentId"] = claim.AppointmentId,
        ["PatientId"] = claim.PatientId,
        ["Start"] = claim.Start,
        ["End"] = claim.End,
        ["HoldUntil"] = claim.HoldUntil,
        ["Due"] = due,
    };

    public static ClaimedUnit ReadUnit(TableEntity row) => new(
        DateTimeOffset.ParseExact(row.RowKey[UnitPrefix.Length..], "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        row.GetString("AppointmentId"),
        row.GetString("PatientId"));

    public static ClaimCheck ReadCheck(string providerId, TableEntity row) => new(
        new SlotClaim(providerId, row.GetString("PatientId"), row.GetString("AppointmentId"), row.GetDateTimeOffset("Start")!.Value, row.GetDateTimeOffset("End")!.Value, row.GetDateTimeOffset("HoldUntil")),
        row.GetDateTimeOffset("Due")!.Value);

    public static string UnitRange(string partition, DateTimeOffset from, DateTimeOffset to) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {UnitRow(from)} and RowKey lt {UnitRow(to)}");

    /// <summary>An instant as a RowKey part: UTC to the minute, sorting in time order.</summary>
    public static string Stamp(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
