using Azure.Core;

namespace Portal.Azure.Notifications;

/// <summary>
/// The HTTP pipeline's options for Communication Services: retries with exponential back-off on 408, 429 and
/// 5xx, waiting as long as the service's <c>Retry-After</c> asks (Azure.Core's retry policy reads it).
/// </summary>
internal sealed class AcsClientOptions : ClientOptions
{
    public AcsClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
