using Microsoft.Extensions.Logging;

namespace Portal.Core.Notifications;

/// <summary>Wakes the dispatcher for a notice that was just committed with the change that caused it.</summary>
public static partial class NoticeWakeUp
{
    /// <summary>Best effort: the change is committed either way, and the sweep delivers a notice the queue never got.</summary>
    public static async Task TryEnqueueAsync(this INoticeQueue queue, Notice notice, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(notice.Reference, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEnqueueFailed(logger, notice.Kind, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enqueueing a {Kind} notice failed ({ExceptionType}); the sweep will deliver it.")]
    private static partial void LogEnqueueFailed(ILogger logger, NoticeKind kind, string exceptionType);
}
