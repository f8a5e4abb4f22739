using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Messaging;

/// <summary>The rules of secure messaging: what may be written, the automatic reply, and how a message changes its thread.</summary>
public static class MessagingRules
{
    /// <summary>The longest subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest message.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>The emergency line every automatic reply repeats.</summary>
    public const string EmergencyLine = "If this is an emergency, call 911.";

    /// <summary>Checks a new conversation; <paramref name="pool"/> is null when the id is unknown.</summary>
    public static FieldErrors ValidateNewThread(string? poolId, MessagePool? pool, string? subject, string? message, IReadOnlyList<MessagePool> pools)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(poolId))
        {
            errors.Add("pool", "This field is required.");
        }
        else
        {
            errors.Require(pool is not null, "pool", $"One of: {string.Join(", ", pools.Select(p => p.Id))}.");
        }

        errors.RequireText(subject, "subject", MaxSubjectLength);
        errors.RequireText(message, "message", MaxMessageLength);
        return errors;
    }

    /// <summary>Checks a reply's text.</summary>
    public static FieldErrors ValidateReply(string? message)
    {
        var errors = new FieldErrors();
        errors.RequireText(message, "message", MaxMessageLength);
        return errors;
    }

    /// <summary>What the pool answers at once when a conversation starts.</summary>
    public static string AutomaticReply(MessagePool pool) =>
        $"Thank you for writing to {pool.DisplayName}. We answer within {pool.ResponseTime}. {EmergencyLine}";

    /// <summary>An id that sorts messages oldest first within a thread; <paramref name="sequence"/> tells apart messages of one instant.</summary>
    public static string MessageId(DateTimeOffset sentAt, int sequence) =>
        $"{sentAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{sequence:D4}";

    /// <summary>
    /// The thread after a message: reopened, one more message, seen by its author. A message from the patient's
    /// side starts the wait for the care team (unless it already waits); one from the care team ends it.
    /// </summary>
    public static MessageThread After(MessageThread thread, ThreadMessage message)
    {
        var fromPatientSide = message.AuthorKind is MessageAuthorKind.Patient or MessageAuthorKind.Caregiver;
        var changed = thread with
        {
            Status = ThreadStatus.Open,
            LastActivityAt = message.SentAt,
            MessageCount = thread.MessageCount + 1,
            WaitingSince = fromPatientSide ? thread.WaitingSince ?? message.SentAt : null,
        };
        return message.AuthorSubject.Length == 0 ? changed : changed.ReadAllBy(message.AuthorSubject);
    }

    /// <summary>The thread closed by staff: no longer waiting, out of the inbox.</summary>
    public static MessageThread Closed(MessageThread thread, DateTimeOffset now) =>
        thread with { Status = ThreadStatus.Closed, WaitingSince = null, LastActivityAt = now };

    /// <summary>When the care team should have answered: the stated business days after the wait began (weekends skipped).</summary>
    public static DateTimeOffset RespondBy(DateTimeOffset waitingSince, MessagePool pool)
    {
        var due = waitingSince;
        for (var days = 0; days < pool.ResponseBusinessDays;)
        {
            due = due.AddDays(1);
            if (due.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return due;
    }
}
