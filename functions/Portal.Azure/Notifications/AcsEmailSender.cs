using System.Text.Json.Nodes;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// E-mail through Communication Services: <c>POST /emails:send?api-version=2023-03-31</c>, with the
/// <c>Operation-Id</c> header derived from the notice (the GA API's only idempotency handle).
/// </summary>
internal sealed class AcsEmailSender(AcsClient acs, CommunicationOptions options) : IEmailSender
{
    private const string Path = "emails:send?api-version=2023-03-31";

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.EmailSenderAddress))
        {
            return SendResult.Rejected("No e-mail sender address is configured (Email:SenderAddress).");
        }

        var content = new JsonObject { ["subject"] = message.Subject, ["plainText"] = message.PlainText };
        if (message.Html is not null)
        {
            content["html"] = message.Html;
        }

        var body = new JsonObject
        {
            ["senderAddress"] = options.EmailSenderAddress,
            ["content"] = content,
            ["recipients"] = new JsonObject { ["to"] = new JsonArray(new JsonObject { ["address"] = message.To }) },
            ["userEngagementTrackingDisabled"] = true, // no tracking pixels in a patient's mail
        };
        var operationId = DeliveryIds.From(message.DeliveryKey).ToString();
        var (status, response) = await acs.PostAsync(Path, body, new Dictionary<string, string> { ["Operation-Id"] = operationId }, cancellationToken);
        switch (status)
        {
            case 202:
                return SendResult.Accepted(response?["id"]?.GetValue<string>() ?? operationId);
            case 409:
                // An operation with this id exists: an earlier attempt for this notice was taken.
                return SendResult.Accepted(operationId);
            case 400:
                return SendResult.Rejected(ProviderReason.From(status, response?["error"]?["message"]?.GetValue<string>()));
            default:
                return SendResult.TryLater(ProviderReason.From(status, response?["error"]?["message"]?.GetValue<string>()));
        }
    }
}
