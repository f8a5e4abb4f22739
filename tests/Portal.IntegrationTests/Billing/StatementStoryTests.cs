using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>The monthly close over real storage: one statement per cycle, immutable once issued, a PDF, and a notice without an amount.</summary>
public class StatementStoryTests
{
    [Fact]
    public async Task The_monthly_close_issues_one_immutable_statement_with_its_pdf_and_tells_the_patient_without_an_amount()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("120.00", "99214", "Office visit, 30 minutes"));
        await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "insurancePayment", amount = "70.00", reason = "ERA from Aetna" });
        var at = StatementRun.NextMonth;

        Assert.Equal(1, await StatementRun.CloseAsync(at, patientId));
        Assert.Equal(0, await StatementRun.CloseAsync(at.AddHours(1), patientId)); // the same cycle closes once

        var statements = (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/statements", patient))["items"]!.AsArray();
        var summary = Assert.Single(statements)!;
        var statementId = summary["statementId"]!.GetValue<string>();
        Assert.Equal(at.ToString("yyyy-MM"), statementId);
        Assert.Equal(5000L, BillingCalls.Minor(summary["balanceDue"]));
        Assert.Equal(DateOnly.Parse(summary["statementDate"]!.GetValue<string>()).AddDays(21), DateOnly.Parse(summary["dueDate"]!.GetValue<string>()));
        var detail = await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/statements/{statementId}", patient);
        Assert.Equal((0L, 12000L, 7000L), (BillingCalls.Minor(detail["previousBalance"]), BillingCalls.Minor(detail["charges"]), BillingCalls.Minor(detail["credits"])));
        Assert.Equal(["1", "2"], detail["lines"]!.AsArray().Select(l => l!["entryId"]!.GetValue<string>()));
        var pdf = await PdfAsync(api, patientId, statementId, patient);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));

        // Issued means frozen: a later charge is the next statement's, not this one's.
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("30.00", "36415", "Blood draw"));
        var after = await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/statements/{statementId}", patient);
        Assert.Equal(detail.ToJsonString(), after.ToJsonString());
        Assert.Equal(pdf, await PdfAsync(api, patientId, statementId, patient));

        var bill = await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient);
        Assert.Equal((8000L, 5000L, statementId), (BillingCalls.Minor(bill["balance"]), BillingCalls.Minor(bill["amountDue"]), bill["lastStatement"]!["statementId"]!.GetValue<string>()));
        Assert.Equal(["3"], bill["openItems"]!.AsArray().Select(i => i!["entryId"]!.GetValue<string>()));

        var notices = (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        var ready = Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "statementReady")!;
        Assert.Equal($"/billing/statements/{statementId}", ready["link"]!.GetValue<string>());

        // Paying the statement's amount clears what is due, whatever was charged since.
        var checkout = await PaymentStoryTests.StartAsync(api, patientId, patient, "50.00");
        await PaymentStoryTests.CompleteAsync(api, checkout.Body);
        Assert.Equal(0L, BillingCalls.Minor((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient))["amountDue"]));
    }

    [Fact]
    public async Task A_patient_who_paid_everything_before_the_close_gets_no_statement_and_leaves_the_index()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("60.00"));
        await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "patientPayment", amount = "60.00", reason = "Paid at the desk" });
        var at = StatementRun.NextMonth;
        Assert.Single(await StatementRun.IndexRowsAsync(at, patientId));

        Assert.Equal(0, await StatementRun.CloseAsync(at, patientId));

        Assert.Empty(await StatementRun.IndexRowsAsync(at, patientId));
        Assert.Empty((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/statements", patient))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await BillingCalls.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/billing/statements/{at:yyyy-MM}", patient)).Status);
    }

    internal static async Task<byte[]> PdfAsync(PortalApi api, string patientId, string statementId, string token)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"api/patients/{patientId}/billing/statements/{statementId}/pdf", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
