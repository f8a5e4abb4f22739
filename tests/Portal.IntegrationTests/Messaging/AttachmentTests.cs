using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Messaging;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Messaging;

/// <summary>Files sent with messages, over real HTTP, Azurite tables and blobs: uploaded, sent once, downloaded, refused, expired.</summary>
public class AttachmentTests
{
    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8];
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];
    internal static readonly byte[] Heic = [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0x00, 0x00, 0x00, 0x00, 0x6D, 0x69, 0x66, 0x31];

    [Fact]
    public async Task A_patient_sends_a_photo_and_a_pdf_the_care_team_answers_with_a_pdf_and_both_sides_download_them()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Chen");
        var threads = $"api/patients/{patientId}/threads";

        var photo = await UploadAsync(api, patientId, patient, Heic, "image/heic", "IMG_0042.HEIC");
        var letter = await UploadAsync(api, patientId, patient, Pdf, "application/pdf", "../../school form.pdf");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (photo.Status, letter.Status));
        Assert.Equal(("IMG_0042.heic", "image/heic", Heic.Length), (photo.Body["fileName"]!.GetValue<string>(), photo.Body["contentType"]!.GetValue<string>(), photo.Body["size"]!.GetValue<int>()));
        Assert.Equal("school form.pdf", letter.Body["fileName"]!.GetValue<string>());

        var started = await MessagingStoryTests.PostAsync(api, threads, patient, new
        {
            pool = "care-team",
            subject = "Rash on my arm",
            message = "Photo attached, and the school's form.",
            attachments = new[] { Id(photo), Id(letter) },
        });
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var threadId = started.Body["thread"]!["threadId"]!.GetValue<string>();
        Assert.Equal([Id(photo), Id(letter)], started.Body["messages"]![0]!["attachments"]!.AsArray().Select(a => a!["attachmentId"]!.GetValue<string>()));
        Assert.Empty(started.Body["messages"]![1]!["attachments"]!.AsArray());

        // The care team answers with a file of its own.
        var answerFile = await UploadAsync(api, patientId, clinician, Pdf, "application/pdf", "Care instructions.pdf");
        var answer = await MessagingStoryTests.PostAsync(api, $"{threads}/{threadId}/messages", clinician, new { message = "See the instructions.", attachments = new[] { Id(answerFile) } });
        Assert.Equal(HttpStatusCode.Created, answer.Status);

        // Both sides download through five-minute links, and the patient's access log records it.
        Assert.Equal(Heic, await DownloadAsync(api, $"{threads}/{threadId}/attachments/{Id(photo)}", clinician, "IMG_0042.heic"));
        Assert.Equal(Pdf, await DownloadAsync(api, $"{threads}/{threadId}/attachments/{Id(answerFile)}", patient, "Care instructions.pdf"));
        var read = await MessagingStoryTests.GetAsync(api, $"{threads}/{threadId}", patient);
        Assert.Equal("Care instructions.pdf", read["messages"]![2]!["attachments"]![0]!["fileName"]!.GetValue<string>());
        var log = await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/access-log?pageSize=100", patient);
        Assert.Contains(log["items"]!.AsArray(), e => e!["resource"]!.GetValue<string>() == $"patients/{patientId}/threads/{threadId}/attachments/{Id(photo)}"
            && e["action"]!.GetValue<string>() == "messages.read");

        // An upload is sent once: naming it again is refused.
        var again = await MessagingStoryTests.PostAsync(api, $"{threads}/{threadId}/messages", patient, new { message = "Again", attachments = new[] { Id(photo) } });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_what_it_claims_is_refused_and_so_is_anything_but_the_four_types()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();

        var pngAsPdf = await UploadAsync(api, patientId, patient, Png, "application/pdf", "scan.pdf");
        var script = await UploadAsync(api, patientId, patient, [.. "<script>alert(1)</script>"u8], "application/pdf", "scan.pdf");
        var executable = await UploadAsync(api, patientId, patient, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00], "image/png", "photo.png");
        var empty = await UploadAsync(api, patientId, patient, [], "image/jpeg", "photo.jpg");
        var jpeg = await UploadAsync(api, patientId, patient, Jpeg, "image/jpeg", "photo.jpg");

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Created],
            new[] { pngAsPdf, script, executable, empty, jpeg }.Select(r => r.Status));
        Assert.NotNull(pngAsPdf.Body["errors"]!["file"]);
        Assert.Contains("image/png", pngAsPdf.Body["errors"]!["file"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_over_10_MB_is_413_without_being_stored()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var refused = await UploadAsync(api, patientId, patient, big, "application/pdf", "big.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal("urn:portal:problem:too-large", refused.Body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_attachments_are_the_limit_and_only_your_own_unsent_uploads_for_this_patient_can_be_sent()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var (otherId, other, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "messages.write");
        var threads = $"api/patients/{patientId}/threads";
        var six = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            six.Add(Id(await UploadAsync(api, patientId, patient, Png, "image/png", $"page{i}.png")));
        }

        var tooMany = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Receipts", message = "All six", attachments = six });
        var caregiversUpload = Id(await UploadAsync(api, patientId, caregiver, Png, "image/png", "card.png"));
        var someoneElses = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Receipts", message = "m", attachments = new[] { caregiversUpload } });
        var otherChart = await MessagingStoryTests.PostAsync(api, $"api/patients/{otherId}/threads", other, new { pool = "billing", subject = "Receipts", message = "m", attachments = new[] { six[0] } });
        var unknown = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Receipts", message = "m", attachments = new[] { "nope" } });
        var twice = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Receipts", message = "m", attachments = new[] { six[0], six[0] } });
        var five = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Receipts", message = "Five of them", attachments = six.Take(5) });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.NotNull(tooMany.Body["errors"]!["attachments"]);
        Assert.NotNull(someoneElses.Body["errors"]!["attachments[0]"]);
        Assert.NotNull(otherChart.Body["errors"]!["attachments[0]"]);
        Assert.NotNull(unknown.Body["errors"]!["attachments[0]"]);
        Assert.NotNull(twice.Body["errors"]!["attachments[1]"]);
        Assert.Equal(HttpStatusCode.Created, five.Status);
        Assert.Equal(5, five.Body["messages"]![0]!["attachments"]!.AsArray().Count);

        // An attachment is reached only through its own thread.
        var threadId = five.Body["thread"]!["threadId"]!.GetValue<string>();
        var elsewhere = (await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Other", message = "m" })).Body["thread"]!["threadId"]!.GetValue<string>();
        using var wrongThread = await api.GetAsync($"{threads}/{elsewhere}/attachments/{six[0]}", patient);
        await PortalApi.AssertProblemAsync(wrongThread, HttpStatusCode.NotFound);
        using var unsent = await api.GetAsync($"{threads}/{threadId}/attachments/{six[5]}", patient);
        await PortalApi.AssertProblemAsync(unsent, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_upload_with_its_key_is_the_same_file_even_after_it_was_sent()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();

        var first = await UploadAsync(api, patientId, patient, Pdf, "application/pdf", "form.pdf", "upload-key-1");
        var sent = await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads", patient, new { pool = "billing", subject = "Form", message = "Here", attachments = new[] { Id(first) } });
        var retried = await UploadAsync(api, patientId, patient, Pdf, "application/pdf", "form.pdf", "upload-key-1");
        var otherFile = await UploadAsync(api, patientId, patient, Png, "image/png", "form.png", "upload-key-1");
        var sentAgain = await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads", patient, new { pool = "billing", subject = "Form", message = "Again", attachments = new[] { Id(retried) } });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (sent.Status, retried.Status));
        Assert.Equal(Id(first), Id(retried));
        Assert.Equal(HttpStatusCode.Conflict, otherFile.Status);
        Assert.Equal(HttpStatusCode.BadRequest, sentAgain.Status);
    }

    [Fact]
    public async Task Unsent_uploads_are_deleted_after_a_day_and_sent_ones_stay()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, _, subject) = await api.NewActivatedPatientAsync();
        var services = portal.Services;
        var (attachments, files) = (services.GetRequiredService<IAttachments>(), services.GetRequiredService<IFileStore>());

        // Uploaded long ago (no other test's upload is that old), one sent and one not.
        var clock = new TestClock(new DateTimeOffset(2020, 3, 1, 10, 0, 0, TimeSpan.Zero).AddSeconds(Random.Shared.Next(0, 86_400)));
        var ana = new Caller(subject, "Ana", new HashSet<string> { "Patient" }, HasMfa: true);
        var upload = new UploadAttachment(attachments, files, services.GetRequiredService<Portal.Core.Access.ChartAccess>(), services.GetRequiredService<IRequestReplays>(), clock);
        var sent = (await upload.ExecuteAsync(ana, patientId, new IncomingFile("sent.pdf", "application/pdf", Pdf), null, default)).Value!;
        var unsent = (await upload.ExecuteAsync(ana, patientId, new IncomingFile("unsent.png", "image/png", Png), null, default)).Value!;
        var start = new StartThread(
            services.GetRequiredService<IMessageThreads>(), services.GetRequiredService<ThreadAccess>(), services.GetRequiredService<MessagePools>(),
            services.GetRequiredService<UnsentAttachments>(), services.GetRequiredService<IRequestReplays>(), clock);
        var thread = await start.ExecuteAsync(ana, patientId, new NewThread("billing", "Old receipt", "Here it is", [sent.AttachmentId]), null, default);
        Assert.True(thread.Succeeded);

        // An upload that failed half-way: its expiry and its blob were stored, its chart row never was.
        var halfway = new Attachment(patientId, Guid.NewGuid().ToString("N"), "x.pdf", "application/pdf", Pdf.Length, subject, "Ana", clock.Now);
        await attachments.ExpireLaterAsync(AttachmentReference.Of(halfway), default);
        await files.SaveAsync(halfway.Location, Pdf, FileFormat.Pdf, default);

        clock.Now += TimeSpan.FromHours(23);
        Assert.Equal(0, await new ExpireAttachments(attachments, files, clock).ExecuteAsync(default));
        clock.Now += TimeSpan.FromHours(2);
        // The portal's own hourly run may clean these too (they are long due in real time): the outcome is the same.
        Assert.InRange(await new ExpireAttachments(attachments, files, clock).ExecuteAsync(default), 0, 2);

        Assert.Null(await attachments.FindUploadAsync(patientId, unsent.AttachmentId, default));
        Assert.Null(await files.ReadAsync(unsent.Location, default));
        Assert.Null(await files.ReadAsync(halfway.Location, default));
        Assert.Equal(Pdf, await files.ReadAsync(sent.Location, default));
        Assert.Equal(thread.Value.Thread.ThreadId, (await attachments.FindSentAsync(patientId, sent.AttachmentId, default))!.ThreadId);
        Assert.Empty(await attachments.ExpiredAsync(clock.Now, 10, default));
    }

    internal static string Id((HttpStatusCode Status, JsonObject Body) upload) => upload.Body["attachmentId"]!.GetValue<string>();

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> UploadAsync(
        PortalApi api, string patientId, string token, byte[] content, string contentType, string fileName, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/patients/{patientId}/attachments?fileName={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response));
    }

    private static async Task<byte[]> DownloadAsync(PortalApi api, string path, string token, string fileName)
    {
        var link = await MessagingStoryTests.GetAsync(api, path, token);
        Assert.Equal(fileName, link["fileName"]!.GetValue<string>());
        using var http = new HttpClient();
        using var response = await http.GetAsync(link["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
