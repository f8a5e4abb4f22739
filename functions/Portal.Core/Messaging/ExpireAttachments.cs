using Portal.Core.Common;
using Portal.Core.Files;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: the hourly cleanup of uploads nobody sent. Reads only the expiry index rows that are due, never a chart
/// scan. For each: the unsent row goes first (ETag-guarded, so a message taking the upload at that very moment wins
/// and the upload stays), then the blob, then the index row; an upload that was sent only leaves the index. A run
/// that stops half-way is finished by the next one: with neither row left, the blob is deleted (if still there).
/// </summary>
public sealed class ExpireAttachments(IAttachments attachments, IFileStore files, TimeProvider clock)
{
    /// <summary>The most uploads one run cleans; the rest wait for the next run.</summary>
    public const int MaxPerRun = 500;

    /// <summary>Cleans what is due; returns how many uploads were removed.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var due in await attachments.ExpiredAsync(clock.GetUtcNow(), MaxPerRun, cancellationToken))
        {
            var upload = await attachments.FindUploadAsync(due.PatientId, due.AttachmentId, cancellationToken);
            if (upload is not null)
            {
                try
                {
                    await attachments.DropUploadAsync(due, upload.ETag, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    continue; // a message is taking it right now: the next run sees it sent
                }
            }

            // A sent attachment keeps its blob, whatever else is found: losing a sent file is the one thing not allowed here.
            if (await attachments.FindSentAsync(due.PatientId, due.AttachmentId, cancellationToken) is not null)
            {
                await attachments.ForgetExpiryAsync(due, cancellationToken);
                continue;
            }

            await files.DeleteAsync(AttachmentRules.LocationOf(due.PatientId, due.AttachmentId), cancellationToken);
            await attachments.ForgetExpiryAsync(due, cancellationToken);
            removed++;
        }

        return removed;
    }
}
