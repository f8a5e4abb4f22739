using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>Who may do what with a patient's bill: the patient, caregivers by scope, staff by policy (clinicians do not read bills).</summary>
public class BillingAuthorizationTests
{
    [Fact]
    public async Task Every_billing_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billingOffice = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billingOffice, BillingCalls.Charge("500.00"));
        var card = await PaymentStoryTests.CompleteAsync(api, (await PaymentStoryTests.StartAsync(api, patientId, patient, "100.00")).Body);
        var cardEntry = card["entryId"]!.GetValue<string>();
        Assert.Equal(1, await StatementRun.CloseAsync(StatementRun.NextMonth, patientId));
        Assert.Equal(HttpStatusCode.Created, (await BillingCalls.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/plan", patient, new { instalments = 2 })).Status);
        var statementId = StatementRun.NextMonth.ToString("yyyy-MM");
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver billing.write"] = await api.CaregiverAsync(patientId, "billing.write"),
            ["caregiver billing.read"] = await api.CaregiverAsync(patientId, "billing.read"),
            ["caregiver results.read"] = await api.CaregiverAsync(patientId, "results.read"),
            ["Billing"] = billingOffice,
            ["Clinician"] = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]),
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };
        const HttpStatusCode ok = HttpStatusCode.OK, no = HttpStatusCode.Forbidden, gone = HttpStatusCode.NotFound;

        // (caller, bill, activity, statements, statement, pdf, plan, claims, post entry, pay, refund, save claim)
        (string Caller, HttpStatusCode[] Expected)[] rows =
        [
            ("self", [ok, ok, ok, ok, ok, ok, ok, no, HttpStatusCode.Created, no, no]),
            ("caregiver billing.write", [ok, ok, ok, ok, ok, ok, ok, no, HttpStatusCode.Created, no, no]),
            ("caregiver billing.read", [ok, ok, ok, ok, ok, ok, ok, no, no, no, no]),
            ("caregiver results.read", [no, no, no, no, no, no, no, no, no, no, no]),
            ("Billing", [ok, ok, ok, ok, ok, ok, ok, HttpStatusCode.Created, no, HttpStatusCode.Accepted, ok]),
            ("Clinician", [no, no, no, no, no, no, no, no, no, no, no]),
            ("FrontDesk", [no, no, no, no, no, no, no, no, no, no, no]),
            ("Admin", [ok, ok, ok, ok, ok, ok, ok, no, no, no, no]),
            ("stranger", [gone, gone, gone, gone, gone, gone, gone, gone, gone, gone, gone]),
        ];
        var actual = new List<(string, HttpStatusCode[])>();
        var bill = $"api/patients/{patientId}/billing";
        foreach (var (caller, _) in rows)
        {
            var token = callers[caller];
            HttpStatusCode[] statuses =
            [
                (await BillingCalls.SendAsync(api, HttpMethod.Get, bill, token)).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Get, $"{bill}/activity", token)).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Get, $"{bill}/statements", token)).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Get, $"{bill}/statements/{statementId}", token)).Status,
                await PdfStatusAsync(api, $"{bill}/statements/{statementId}/pdf", token),
                (await BillingCalls.SendAsync(api, HttpMethod.Get, $"{bill}/plan", token)).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Get, $"{bill}/claims", token)).Status,
                (await BillingCalls.PostEntryAsync(api, patientId, token, new { kind = "adjustment", amount = "1.00", reason = "Matrix" })).Status,
                (await PaymentStoryTests.StartAsync(api, patientId, token, "10.00")).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Post, $"{bill}/refunds", token, new { entryId = cardEntry, amount = "1.00", reason = "Matrix" })).Status,
                (await BillingCalls.SendAsync(api, HttpMethod.Put, $"{bill}/claims/CLM-{caller.Replace(' ', '-').Replace('.', '-')}", token,
                    new { visitId = "visit-1", serviceDate = "2026-01-05", payer = "Aetna", status = "submitted", submitted = "100.00" })).Status,
            ];
            actual.Add((caller, statuses));
        }

        Assert.Equal(rows.Select(r => $"{r.Caller}: {string.Join(' ', r.Expected.Select(s => (int)s))}"), actual.Select(r => $"{r.Item1}: {string.Join(' ', r.Item2.Select(s => (int)s))}"));
    }

    private static async Task<HttpStatusCode> PdfStatusAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        return response.StatusCode;
    }
}
