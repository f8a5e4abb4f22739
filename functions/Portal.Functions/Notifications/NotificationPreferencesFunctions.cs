using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Notifications;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary>A patient's notification preferences: read with their ETag, replace with If-Match.</summary>
[Description("How and when a patient hears about what is waiting in the portal: a channel per kind of notice, quiet hours, the daily digest.")]
public sealed class NotificationPreferencesFunctions(
    PortalHttp http, GetNotificationPreferences getPreferences, ChangeNotificationPreferences changePreferences)
{
    [Function("GetNotificationPreferences")]
    [ApiOperation(
        "The patient's notification preferences.",
        Description = "Every kind of notice with its channel, the quiet hours (local times in the patient's time zone) and the daily digest. Until they are first saved these are the defaults, with the ETag W/\"defaults\". For the patient, caregivers with the profile scope, and staff whose role covers profiles.")]
    [ApiResponse(200, typeof(NotificationPreferences), Description = "The preferences.", ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/notification-preferences")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, await getPreferences.ExecuteAsync(caller, patientId, cancellationToken), preferences => preferences));

    [Function("ChangeNotificationPreferences")]
    [ApiOperation(
        "Replace the notification preferences.",
        Description = "The whole preferences; kinds left out of channels take their default. Security notices cannot be turned off, and quiet hours must not start and end at the same time. Send the ETag last read in If-Match (W/\"defaults\" for the first change).",
        IfMatch = true)]
    [ApiRequest(typeof(NotificationPreferences))]
    [ApiResponse(200, typeof(NotificationPreferences), Description = "Saved: the preferences with every kind listed.", ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}/notification-preferences")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NotificationPreferences>(request, cancellationToken, async (caller, change) =>
            ApiResults.Versioned(
                request,
                await changePreferences.ExecuteAsync(caller, patientId, request.Headers.IfMatch.ToString(), change, cancellationToken),
                preferences => preferences));
}
