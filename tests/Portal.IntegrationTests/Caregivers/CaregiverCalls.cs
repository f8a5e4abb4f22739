using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>The calls caregiver tests make: invite, read the code from the development outbox, redeem.</summary>
internal static partial class CaregiverCalls
{
    public static async Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(
        PortalApi api, HttpMethod method, string path, string token, object? body = null, string? ifMatch = null)
    {
        using var response = await api.SendAsync(method, path, token, body is null ? null : JsonSerializer.Serialize(body), ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : [], response.Headers.ETag?.ToString());
    }

    public static object Invitation(string email, string[] scopes, string? codeWord = null, DateOnly? accessEndsOn = null, string relationship = "parent") => new
    {
        caregiverName = "Rosa Díaz",
        relationship,
        email,
        phone = (string?)null,
        preferredLanguage = "en-US",
        scopes,
        accessEndsOn,
        codeWord,
    };

    public static string UniqueEmail() => $"carer-{Guid.NewGuid():N}@example.org";

    /// <summary>The invitation code sent to <paramref name="email"/> (the dispatcher delivers within moments).</summary>
    public static async Task<string> CodeSentToAsync(PortalApi api, string email)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var outbox = await api.GetAsync("api/dev/outbox?limit=200", token: null);
            var message = (await PortalApi.ReadJsonAsync(outbox))["items"]!.AsArray().FirstOrDefault(m => m!["to"]!.GetValue<string>() == email);
            if (message is not null)
            {
                return Code().Match(message["text"]!.GetValue<string>()).Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No invitation reached {email}.");
    }

    /// <summary>A patient invites a new caregiver with the scopes, the caregiver redeems it; returns the caregiver's token and subject.</summary>
    public static async Task<(string Token, string Subject)> InvitedCaregiverAsync(PortalApi api, string patientId, string patient, DateOnly birthDate, params string[] scopes)
    {
        var email = UniqueEmail();
        var invited = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient, Invitation(email, scopes));
        Assert.Equal(HttpStatusCode.Created, invited.Status);
        var subject = PortalApi.UniqueSubject("carer");
        var token = await api.TokenAsync(subject);
        var redeemed = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", token, new { code = await CodeSentToAsync(api, email), birthDate, codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.OK, redeemed.Status);
        return (token, subject);
    }

    [GeneratedRegex("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")]
    private static partial Regex Code();
}
