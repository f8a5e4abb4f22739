using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>
/// Pay links: <c>paylink|{linkId}</c> in the patient's chart (the link as issued with its statement), and the index row
/// in <c>Lookups</c> partition <c>paylink</c>, RowKey the link id, that finds the chart from a token (written first).
/// </summary>
internal static class PayLinkRows
{
    public const string Partition = "paylink";
    public const string ChartPrefix = "paylink|";

    public static TableEntity Index(PayLink link) => new(Partition, link.LinkId)
    {
        ["PatientId"] = link.PatientId,
        ["StatementId"] = link.StatementId,
        ["ExpiresAt"] = link.ExpiresAt.ToUniversalTime(),
    };

    public static TableEntity Chart(PayLink link) => BillingRows.Document(link.PatientId, ChartPrefix + link.LinkId, link);

    public static PayLink? FromIndex(TableEntity entity) =>
        entity.GetString("PatientId") is { } patientId && entity.GetString("StatementId") is { } statementId && entity.GetDateTimeOffset("ExpiresAt") is { } expires
            ? new PayLink(entity.RowKey, patientId, statementId, expires)
            : null;

    public static string Key(string linkId) => TableKeys.Encode(linkId);
}
