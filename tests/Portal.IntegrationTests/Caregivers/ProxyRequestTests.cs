using System.Net;
using System.Net.Http.Headers;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Record;
using static Portal.IntegrationTests.Caregivers.CaregiverCalls;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>Someone who cannot be invited asks; the front desk reviews the documents and approves or denies.</summary>
public sealed class ProxyRequestTests
{
    internal static object Request(string patientName, DateOnly birthDate, string basis = "minor", string relationship = "parent") => new
    {
        requesterName = "Marco Rossi",
        email = UniqueEmail(),
        phone = (string?)null,
        patientName,
        patientBirthDate = birthDate,
        patientMrn = (string?)null,
        relationship,
        basis,
        explanation = "Her mother and I share custody.",
        scopes = new[] { "records.read", "appointments.write", "messages.write" },
    };

    internal static object Approval(string patientId, string[] scopes, DateOnly? accessEndsOn = null) =>
        new { approve = true, patientId, scopes, accessEndsOn, reason = (string?)null };

    /// <summary>Files a request as a new person and has the front desk approve it; returns the requester's token and subject.</summary>
    internal static async Task<(string Token, string Subject)> ApprovedGuardianAsync(PortalApi api, string patientId, DateOnly birthDate, params string[] scopes)
    {
        var subject = PortalApi.UniqueSubject("guardian");
        var token = await api.TokenAsync(subject);
        var filed = await SendAsync(api, HttpMethod.Post, "api/proxy-requests", token, Request("Child", birthDate));
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var decided = await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{filed.Body["requestId"]}/decision", frontDesk, Approval(patientId, scopes));
        Assert.Equal(HttpStatusCode.OK, decided.Status);
        return (token, subject);
    }

    [Fact]
    public async Task A_parent_files_a_request_with_a_birth_certificate_and_the_front_desk_approves_it_with_the_scopes_it_decides()
    {
        var api = await PortalApi.CreateAsync();
        var childBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-6);
        var (patientId, _, _) = await api.RegisterAsync(givenName: "Leo", birthDate: childBirth);
        var parentSubject = PortalApi.UniqueSubject("parent");
        var parent = await api.TokenAsync(parentSubject);
        var stranger = await api.TokenAsync(PortalApi.UniqueSubject("stranger"));
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);

        var bad = await SendAsync(api, HttpMethod.Post, "api/proxy-requests", parent, new { requesterName = "", email = (string?)null, phone = (string?)null, patientName = "Leo", patientBirthDate = childBirth, patientMrn = (string?)null, relationship = "uncle", basis = "x", explanation = (string?)null, scopes = new[] { "records.read" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["basis", "relationship", "requesterName"], bad.Body["errors"]!.AsObject().Select(e => e.Key).Order());

        var filed = await SendAsync(api, HttpMethod.Post, "api/proxy-requests", parent, Request("Leo Test", childBirth));
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        var requestId = filed.Body["requestId"]!.GetValue<string>();
        Assert.Equal("pending", filed.Body["status"]!.GetValue<string>());

        // The birth certificate goes up like an attachment: the bytes decide the type.
        var (status, document) = await UploadAsync(api, parent, requestId, RecordFixtures.Pdf("birth certificate"), "application/pdf", "birth-certificate");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(api, parent, requestId, RecordFixtures.Png(), "application/pdf", "guardianship")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(api, stranger, requestId, RecordFixtures.Pdf(), "application/pdf", "other")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/proxy-requests/{requestId}", stranger)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/proxy-requests/{requestId}", parent)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, "api/proxy-requests", clinician)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, "api/proxy-requests", parent)).Status);
        var queue = await SendAsync(api, HttpMethod.Get, "api/proxy-requests?pageSize=100", frontDesk);
        Assert.Contains(queue.Body["items"]!.AsArray(), r => r!["requestId"]!.GetValue<string>() == requestId);
        var link = await SendAsync(api, HttpMethod.Get, $"api/proxy-requests/{requestId}/documents/{document["documentId"]}", frontDesk);
        var (bytes, _) = await RecordFixtures.DownloadAsync(link.Body);
        Assert.Equal(RecordFixtures.Pdf("birth certificate"), bytes);

        // Deciding: reviewers only, with a reason to deny; approving grants the scopes the reviewer chose.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", clinician, Approval(patientId, ["records.read"]))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", frontDesk, new { approve = false, patientId = (string?)null, scopes = (string[]?)null, accessEndsOn = (DateOnly?)null, reason = "" })).Status);
        var approved = await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", frontDesk, Approval(patientId, ["records.read", "appointments.write"]));
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("approved", approved.Body["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", frontDesk, Approval(patientId, ["records.read", "appointments.write"]))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", frontDesk, new { approve = false, patientId = (string?)null, scopes = (string[]?)null, accessEndsOn = (DateOnly?)null, reason = "No." })).Status);
        Assert.DoesNotContain((await SendAsync(api, HttpMethod.Get, "api/proxy-requests?pageSize=100", frontDesk)).Body["items"]!.AsArray(), r => r!["requestId"]!.GetValue<string>() == requestId);

        var me = Assert.Single((await SendAsync(api, HttpMethod.Get, "api/me", parent)).Body["patients"]!.AsArray())!;
        Assert.Equal((patientId, "proxy"), (me["patientId"]!.GetValue<string>(), me["relationship"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/appointments", parent)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/threads", parent)).Status);
        var grant = Assert.Single((await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", frontDesk)).Body["grants"]!.AsArray())!;
        Assert.Equal(("request", true), (grant["source"]!.GetValue<string>(), grant["endsAtAdulthood"]!.GetValue<bool>()));

        // The decision is in the patient's access log, and the request keeps its trail and documents.
        var frontDeskLog = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var log = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/access-log?pageSize=50", frontDeskLog)).Body["items"]!.AsArray();
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "proxies.approve");
        var kept = await SendAsync(api, HttpMethod.Get, $"api/proxy-requests/{requestId}", frontDesk);
        Assert.Single(kept.Body["documents"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(api, parent, requestId, RecordFixtures.Pdf(), "application/pdf", "other")).Status);
    }

    [Fact]
    public async Task A_denied_request_says_why_and_grants_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var requester = await api.TokenAsync(PortalApi.UniqueSubject("asker"));
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var filed = await SendAsync(api, HttpMethod.Post, "api/proxy-requests", requester, Request("Ana Gomez", new DateOnly(1941, 3, 2), "incapacity", "power-of-attorney"));
        var requestId = filed.Body["requestId"]!.GetValue<string>();

        var denied = await SendAsync(api, HttpMethod.Post, $"api/proxy-requests/{requestId}/decision", admin, new { approve = false, patientId = (string?)null, scopes = (string[]?)null, accessEndsOn = (DateOnly?)null, reason = "The power of attorney was not attached." });
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        var seen = await SendAsync(api, HttpMethod.Get, $"api/proxy-requests/{requestId}", requester);
        Assert.Equal(("denied", "The power of attorney was not attached."), (seen.Body["status"]!.GetValue<string>(), seen.Body["decision"]!["reason"]!.GetValue<string>()));
        Assert.Empty((await SendAsync(api, HttpMethod.Get, "api/me", requester)).Body["patients"]!.AsArray());
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Body)> UploadAsync(PortalApi api, string token, string requestId, byte[] file, string type, string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/proxy-requests/{requestId}/documents?kind={kind}&fileName=paper.pdf") { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response));
    }
}
