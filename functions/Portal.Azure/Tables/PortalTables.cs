using Azure.Data.Tables;

namespace Portal.Azure.Tables;

/// <summary>The portal's tables in the app's storage account.</summary>
/// <remarks>
/// <c>Charts</c>: one partition per patient (RowKey <c>{kind}|{id}</c>).
/// <c>Lookups</c>: index partitions (<c>subject|{subject}</c>, <c>mrn</c>, <c>name|{birthDate}</c>, <c>activation</c> …).
/// <c>AuditLog</c>: append-only, one partition per patient, newest first.
/// <c>Schedule</c>: scheduling's setup (<c>setup</c>), claim index (<c>claim|{provider}</c>) and reminder buckets (<c>remind|{hour}</c>).
/// </remarks>
public sealed class PortalTables(TableServiceClient service)
{
    /// <summary>Table names, also provisioned by infra/.</summary>
    public static readonly IReadOnlyList<string> Names = ["Charts", "Lookups", "AuditLog", "Idempotency", "Schedule"];

    /// <summary>Patients' charts.</summary>
    public TableClient Charts { get; } = service.GetTableClient("Charts");

    /// <summary>Index entities: other access paths to charts.</summary>
    public TableClient Lookups { get; } = service.GetTableClient("Lookups");

    /// <summary>The append-only audit log.</summary>
    public TableClient AuditLog { get; } = service.GetTableClient("AuditLog");

    /// <summary>Replies remembered for Idempotency-Key.</summary>
    public TableClient Idempotency { get; } = service.GetTableClient("Idempotency");

    /// <summary>Scheduling: the clinic's setup, each provider's claim index, reminder buckets.</summary>
    public TableClient Schedule { get; } = service.GetTableClient("Schedule");

    /// <summary>The service client, for health checks.</summary>
    public TableServiceClient Service { get; } = service;
}
