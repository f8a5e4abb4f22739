using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;

namespace Portal.Azure.Billing;

/// <summary>
/// Where billing lives. In the patient's <c>Charts</c> partition: <c>billing|account</c> (the stored balance),
/// <c>ledger|{inverted number}</c> (entries, newest first), <c>ledger-origin|{origin}</c> (one per cause, so it posts
/// once), <c>payment|{reference}</c> (card payments and what was refunded of them), <c>statement|{cycle}</c>.
/// In <c>Lookups</c>: partition <c>billing-open</c> (a row per patient whose balance opened, with when the next
/// statement is due) and <c>billing-payment</c> (a card payment's patient, for refunds that name only the payment).
/// </summary>
internal static class BillingRows
{
    public const string AccountRow = "billing|account";
    public const string LedgerPrefix = "ledger|";
    public const string OriginPrefix = "ledger-origin|";
    public const string PaymentPrefix = "payment|";
    public const string StatementPrefix = "statement|";
    public const string OpenPartition = "billing-open";
    public const string PaymentPartition = "billing-payment";

    // Inverted so that a plain range read lists the newest entry first.
    private const long Top = 999_999_999_999;

    public static string Ledger(long sequence) => LedgerPrefix + (Top - sequence).ToString("D12", CultureInfo.InvariantCulture);

    public static string Origin(string origin) => OriginPrefix + TableKeys.Encode(origin);

    public static string Payment(string reference) => PaymentPrefix + TableKeys.Encode(reference);

    public static string Statement(string statementId) => StatementPrefix + TableKeys.Encode(statementId);

    /// <summary>A filter for the rows of one prefix in one partition.</summary>
    public static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    public static TableEntity Document<T>(string patientId, string rowKey, T value) => new(TableKeys.Encode(patientId), rowKey)
    {
        ["Data"] = JsonSerializer.Serialize(value, PortalJson.Options),
    };

    public static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;
}
