using Portal.Core.Access;
using Portal.Core.Common;

namespace Portal.Core.Messaging;

/// <summary>
/// The uploads a message names, with their ETags, so the message's transaction can take them: each must be an
/// unsent upload in this chart, by the caller, not expired. Anything else is the same 400, whoever uploaded it.
/// </summary>
public sealed class UnsentAttachments(IAttachments attachments)
{
    /// <summary>The caller's uploads in the order named; a failure on <c>attachments[i]</c> otherwise.</summary>
    public async Task<Result<IReadOnlyList<Versioned<Attachment>>>> ResolveAsync(
        ChartVisit visit, IReadOnlyList<string>? attachmentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (attachmentIds is null or [])
        {
            return Array.Empty<Versioned<Attachment>>();
        }

        var found = await Task.WhenAll(attachmentIds.Select(id => attachments.FindUploadAsync(visit.PatientId, id, cancellationToken)));
        var errors = new FieldErrors();
        for (var i = 0; i < found.Length; i++)
        {
            errors.Require(
                found[i] is { } upload && upload.Value.UploadedBy == visit.Caller.Subject && now < upload.Value.ExpiresAt,
                $"attachments[{i}]",
                "Not one of your unsent uploads for this patient: upload the file first (uploads expire after a day and are sent once).");
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return found.Select(f => f!).ToArray();
    }
}
