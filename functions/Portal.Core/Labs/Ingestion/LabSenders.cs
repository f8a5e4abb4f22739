using Microsoft.Extensions.Options;
using Portal.Core.Clinic;

namespace Portal.Core.Labs.Ingestion;

/// <summary>Recognises the sending lab of a message and reads it with that lab's clock.</summary>
public sealed class LabSenders(IOptions<LabsOptions> options, IOptions<ClinicOptions> clinic)
{
    /// <summary>The configured lab that sent the report, or null.</summary>
    public LabSender? Find(LabReport report) => Find(report.SendingFacility) ?? Find(report.SendingApplication);

    /// <summary>
    /// The name the ledger, the archive and result ids use for the sending lab: MSH-4's universal id (a CLIA number or
    /// OID, stable) else its namespace id, else the sending application's; for FHIR the message's source or identifier system.
    /// </summary>
    public static string FacilityKey(LabReport report) =>
        NonEmpty(report.SendingFacility?.UniversalId) ?? NonEmpty(report.SendingFacility?.NamespaceId)
        ?? NonEmpty(report.SendingApplication?.UniversalId) ?? NonEmpty(report.SendingApplication?.NamespaceId) ?? "unknown";

    /// <summary>The IANA zone of the clock of the lab named <paramref name="facility"/>, else the clinic's.</summary>
    public string ZoneOf(string? facility)
    {
        var sender = facility is null ? null : options.Value.Senders.Values.FirstOrDefault(s => Same(s.Facility, facility));
        return sender?.TimeZone is { Length: > 0 } zone ? zone : clinic.Value.TimeZone;
    }

    /// <summary>Reader options for a clock in <paramref name="zoneId"/> (UTC when the zone is unknown).</summary>
    public static LabReaderOptions ReaderOptions(string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var info) ? new LabReaderOptions { SenderTimeZone = info } : LabReaderOptions.Default;

    private LabSender? Find(LabDesignator? designator) =>
        designator is null
            ? null
            : options.Value.Senders.Values.FirstOrDefault(s => s.Facility.Length > 0 && (Same(s.Facility, designator.NamespaceId) || Same(s.Facility, designator.UniversalId)));

    private static bool Same(string a, string? b) => string.Equals(a, b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
