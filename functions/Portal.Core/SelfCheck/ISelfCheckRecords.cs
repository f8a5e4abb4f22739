namespace Portal.Core.SelfCheck;

/// <summary>Port: the reads only the self-check needs, each one request, and the section confirmations it keeps.</summary>
public interface ISelfCheckRecords
{
    /// <summary>Visits whose clinical date is at or after <paramref name="since"/>. One range query of the chart's visits.</summary>
    Task<IReadOnlyList<PostedVisit>> VisitsSinceAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The record's tallies and every reader's marks. One range query of the record's index rows.</summary>
    Task<ReviewMarks> MarksAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>When each section was last confirmed. One point read.</summary>
    Task<SectionConfirmations> ConfirmationsAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>Records that the section was confirmed at <paramref name="at"/> by <paramref name="subject"/> (a merge of its columns). One write.</summary>
    Task ConfirmAsync(string patientId, ConfirmedSection section, DateTimeOffset at, string subject, CancellationToken cancellationToken);

    /// <summary>True when the patient has a live calendar-feed token. One point read.</summary>
    Task<bool> CalendarFeedInUseAsync(string patientId, CancellationToken cancellationToken);
}
