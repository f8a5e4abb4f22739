namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// The extension point for replies other features understand (scheduling registers C/X for confirm/cancel).
/// Registered handlers are asked in registration order after the carrier keywords and before the fallback text;
/// the first that takes a message ends the search. Register with <c>services.AddSingleton&lt;IInboundTextHandler, …&gt;()</c>.
/// </summary>
public interface IInboundTextHandler
{
    /// <summary>
    /// True when this handler took the message (and answered it, if it answers). Answers must carry no clinical
    /// detail and use <see cref="InboundReplies.DeliveryKeyFor"/>, so a redelivered message is not answered twice.
    /// </summary>
    Task<bool> TryHandleAsync(InboundText text, CancellationToken cancellationToken);
}
