namespace Portal.Core.Billing;

/// <summary>Port: pay links by id (the <c>paylink</c> index written when the statement is issued), and wrong tries per address.</summary>
public interface IPayLinks
{
    /// <summary>The link, or null. One point read.</summary>
    Task<PayLink?> FindAsync(string linkId, CancellationToken cancellationToken);

    /// <summary>How many wrong tokens <paramref name="clientIp"/> sent within the window ending at <paramref name="now"/>. One point read.</summary>
    Task<int> FailuresAsync(string clientIp, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Counts one more wrong token from <paramref name="clientIp"/> (a new window once the old one is over).</summary>
    Task RecordFailureAsync(string clientIp, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
