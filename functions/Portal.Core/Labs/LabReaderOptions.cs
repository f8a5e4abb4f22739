namespace Portal.Core.Labs;

/// <summary>Settings shared by <see cref="Hl7.OruR01Reader"/> and <see cref="Fhir.FhirLabReportReader"/>.</summary>
public sealed record LabReaderOptions
{
    /// <summary>1 MiB, the default <see cref="MaxMessageBytes"/>.</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>Default options: UTC sender clock, 1 MiB limit.</summary>
    public static LabReaderOptions Default { get; } = new();

    /// <summary>
    /// The time zone in which the sender's clock runs: times sent without an offset are read in it.
    /// Defaults to UTC; set it per lab connection.
    /// </summary>
    public TimeZoneInfo SenderTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Messages larger than this (bytes, or UTF-16 characters for text input) are refused unread.</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;
}
