namespace Portal.Core.Labs.Ingestion;

/// <summary>Port: where a queued message that can never be stored goes, with its reason (the <c>lab-results-poison</c> queue).</summary>
public interface ILabRejections
{
    /// <summary>Keeps the message and why it was refused, for the lab interface team.</summary>
    Task RecordAsync(LabRejection rejection, CancellationToken cancellationToken);
}

/// <summary>A refused queued message.</summary>
/// <param name="Channel">The queue it came from.</param>
/// <param name="Reason">The refusal's code.</param>
/// <param name="Description">What is wrong, naming the segment or field where known.</param>
/// <param name="Location">HL7 location, e.g. <c>MSH-9</c>.</param>
/// <param name="MessageControlId">The control id, when it could be read.</param>
/// <param name="RejectedAt">When.</param>
/// <param name="Message">The original message text.</param>
public sealed record LabRejection(
    string Channel, LabRefusalReason Reason, string Description, string? Location, string? MessageControlId, DateTimeOffset RejectedAt, string Message);
