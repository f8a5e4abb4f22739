using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary><c>GET /api/patients/{patientId}/notifications</c>: what the clinic told the patient, newest first.</summary>
[Description("SMS and e-mail notices to patients; in Development, the outbox that shows what they would receive.")]
public sealed class NotificationsFunction(PortalHttp http, ListNotices listNotices)
{
    [Function("ListNotifications")]
    [ApiOperation("The notices sent to a patient, newest first: what, when, on which channel, and whether it arrived",
        Description = "A notice says only that something is waiting in the portal. `state` is pending, sending, sent, delivered (SMS delivery reports) or failed, with a reason. `recipient` is the patient or a caregiver whose grant covers the notice (told on their own contact details; `relationship` as the grant says). Notices bundled into a daily digest show the same send.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(NotificationPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/notifications")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
            ApiResults.From(
                request,
                await listNotices.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken),
                page => ApiResults.Json(NotificationPage.From(page))));
}

/// <summary>One page of a patient's notices.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationEntry> Items, string? ContinuationToken)
{
    internal static NotificationPage From(Page<Notice> page) => new(
        [.. page.Items.Select(n => new NotificationEntry(
            n.Kind, n.Link, n.CreatedAt, n.State, n.Channel, n.SentAt, n.DeliveredAt, n.Reason, n.Caregiver is null ? "patient" : "caregiver", n.CaregiverRelationship, n.Digest))],
        page.ContinuationToken);
}

/// <summary>A notice as the patient sees it: to whom (the patient, or a caregiver), what, when, how, and whether it arrived.</summary>
public sealed record NotificationEntry(
    NoticeKind Kind,
    string Link,
    DateTimeOffset CreatedAt,
    NoticeState State,
    string? Channel,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    string? Reason,
    string Recipient,
    string? Relationship,
    bool Digest);
