using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// SMS through Communication Services: <c>POST /sms?api-version=2021-03-07</c>, one recipient per request with
/// a repeatability id derived from the notice, so a retry of the same notice is not a second text.
/// </summary>
internal sealed class AcsSmsSender(AcsClient acs, CommunicationOptions options) : ISmsSender
{
    private const string Path = "sms?api-version=2021-03-07";

    public async Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.SmsFromNumber))
        {
            return SendResult.Rejected("No SMS sender number is configured (Sms:FromNumber).");
        }

        var body = new JsonObject
        {
            ["from"] = options.SmsFromNumber,
            ["smsRecipients"] = new JsonArray(new JsonObject
            {
                ["to"] = message.To,
                ["repeatabilityRequestId"] = DeliveryIds.From(message.DeliveryKey).ToString(),
                ["repeatabilityFirstSent"] = message.FirstAttemptAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture),
            }),
            ["message"] = message.Text,
            ["smsSendOptions"] = new JsonObject { ["enableDeliveryReport"] = true, ["tag"] = message.Tag },
        };
        var (status, response) = await acs.PostAsync(Path, body, new Dictionary<string, string>(), cancellationToken);
        if (status == 202 && response?["value"] is JsonArray { Count: > 0 } results && results[0] is JsonObject result)
        {
            if (result["successful"]?.GetValue<bool>() == true)
            {
                return SendResult.Accepted(result["messageId"]?.GetValue<string>());
            }

            var recipientStatus = result["httpStatusCode"]?.GetValue<int>() ?? 0;
            var reason = ProviderReason.From(recipientStatus, result["errorMessage"]?.GetValue<string>());
            return IsLasting(recipientStatus) ? SendResult.Rejected(reason) : SendResult.TryLater(reason);
        }

        // The whole request refused: the recipient's fault only for a 400; our credentials or the service otherwise.
        var refusal = ProviderReason.From(status, response?["error"]?["message"]?.GetValue<string>());
        return status == 400 ? SendResult.Rejected(refusal) : SendResult.TryLater(refusal);
    }

    /// <summary>Per-recipient statuses that another attempt will not change (bad number, blocked, opted out).</summary>
    private static bool IsLasting(int status) => status is >= 400 and < 500 and not 408 and not 429;
}
