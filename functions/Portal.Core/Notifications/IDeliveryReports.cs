namespace Portal.Core.Notifications;

/// <summary>Records delivery reports on the notice they are about, so the patient can see that the clinic did tell them.</summary>
public interface IDeliveryReports
{
    /// <summary>Marks the notice sent as <see cref="DeliveryReport.ProviderMessageId"/> delivered or failed; an unknown id is ignored.</summary>
    Task RecordAsync(DeliveryReport report, CancellationToken cancellationToken);
}
