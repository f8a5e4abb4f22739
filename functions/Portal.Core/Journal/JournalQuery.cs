namespace Portal.Core.Journal;

/// <summary>Which entries a list or a share reads.</summary>
/// <param name="Kind">Only this kind, or every kind.</param>
/// <param name="From">Entries at or after this instant.</param>
/// <param name="Until">Entries before this instant.</param>
/// <param name="SharedOnly">Only entries shared with the care team (what staff see).</param>
/// <param name="Measurement">Only measurements of this type.</param>
public sealed record JournalQuery(
    JournalKind? Kind = null, DateTimeOffset? From = null, DateTimeOffset? Until = null, bool SharedOnly = false, MeasurementType? Measurement = null);
