using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>The billing office keeps a patient's ledger over real HTTP; the stored balance always equals the replayed ledger.</summary>
public class LedgerStoryTests
{
    [Fact]
    public async Task Charges_insurance_and_adjustments_make_the_balance_and_a_reversal_corrects_without_editing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"], name: "Grace Kim");

        var charge = await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("125.00", visitId: "visit-1"));
        Assert.Equal(HttpStatusCode.Created, charge.Status);
        Assert.Equal(("1", 12500L, "Grace Kim", "99213"), (charge.Body["entryId"]!.GetValue<string>(), BillingCalls.Minor(charge.Body["effect"]), charge.Body["postedBy"]!.GetValue<string>(), charge.Body["code"]!.GetValue<string>()));
        await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "insurancePayment", amount = "80", reason = "ERA from BCBS IL" });
        var adjustment = await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "adjustment", amount = "15.5", reason = "Contractual adjustment" });
        Assert.Equal(-1550L, BillingCalls.Minor(adjustment.Body["effect"]));

        var bill = await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient);
        Assert.Equal((2950L, "USD", "$29.50"), (BillingCalls.Minor(bill["balance"]), bill["balance"]!["currency"]!.GetValue<string>(), bill["balance"]!["text"]!.GetValue<string>()));
        Assert.Equal(["3", "2", "1"], bill["openItems"]!.AsArray().Select(i => i!["entryId"]!.GetValue<string>()));

        // The adjustment was wrong: it is reversed, not edited; the original stays in the ledger.
        var reversal = await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "reversal", reverses = 3, reason = "Adjustment posted to the wrong account" });
        Assert.Equal(HttpStatusCode.Created, reversal.Status);
        Assert.Equal(("reversal", "3", 1550L), (reversal.Body["kind"]!.GetValue<string>(), reversal.Body["reverses"]!.GetValue<string>(), BillingCalls.Minor(reversal.Body["effect"])));
        var again = await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "reversal", reverses = 3, reason = "Twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("already reversed by entry 4", again.Body["detail"]!.GetValue<string>());
        var ofReversal = await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "reversal", reverses = 4, reason = "Undo the undo" });
        Assert.Equal(HttpStatusCode.BadRequest, ofReversal.Status);
        Assert.NotNull(ofReversal.Body["errors"]!["reverses"]);

        var entries = await BillingCalls.ActivityAsync(api, patientId, patient);
        Assert.Equal(["4", "3", "2", "1"], entries.Select(e => e["entryId"]!.GetValue<string>()));
        Assert.Equal(4500L, entries.Sum(e => BillingCalls.Minor(e["effect"])));
        Assert.Equal(4500L, BillingCalls.Minor((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient))["balance"]));
    }

    [Fact]
    public async Task Twenty_payments_at_once_all_post_and_the_balance_equals_the_replayed_ledger()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        Assert.Equal(HttpStatusCode.Created, (await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("1000.00"))).Status);

        var payments = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "patientPayment", amount = $"{i}.01", reason = $"Check #{1000 + i}" })));

        Assert.All(payments, p => Assert.Equal(HttpStatusCode.Created, p.Status));
        Assert.Equal(Enumerable.Range(2, 20).Select(n => $"{n}"), payments.Select(p => p.Body["entryId"]!.GetValue<string>()).OrderBy(int.Parse));
        var entries = await BillingCalls.ActivityAsync(api, patientId, billing);
        var replayed = entries.Sum(e => BillingCalls.Minor(e["effect"]));
        Assert.Equal(100_000L - Enumerable.Range(1, 20).Sum(i => (i * 100) + 1), replayed);
        Assert.Equal(replayed, BillingCalls.Minor((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient))["balance"]));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_is_the_same_entry_and_another_body_is_a_conflict()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);

        var first = await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("40.00", "G0008", "Flu shot"), "charge-key-1");
        var retried = await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("40.00", "G0008", "Flu shot"), "charge-key-1");
        var other = await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("41.00", "G0008", "Flu shot"), "charge-key-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (first.Status, retried.Status, other.Status));
        Assert.Equal(first.Body["entryId"]!.GetValue<string>(), retried.Body["entryId"]!.GetValue<string>());
        Assert.Equal(4000L, BillingCalls.Minor((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient))["balance"]));
    }

    [Theory]
    [InlineData("""{"kind":"insurancePayment","amount":"0","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"0.00","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"-5.00","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"1.234","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"1e3","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"1,000.00","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"$5","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"10000000.01","reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":12.5,"reason":"r"}""", "amount")]
    [InlineData("""{"kind":"insurancePayment","amount":"5.00"}""", "reason")]
    [InlineData("""{"kind":"charge","amount":"5.00","reason":"r","description":"Visit","serviceDate":"2020-01-01","code":"not-a-code"}""", "code")]
    [InlineData("""{"kind":"charge","amount":"5.00","reason":"r","description":"Visit","serviceDate":"2999-01-01","code":"99213"}""", "serviceDate")]
    [InlineData("""{"kind":"reversal","amount":"5.00","reason":"r","reverses":1}""", "amount")]
    [InlineData("""{"kind":"bribe","amount":"5.00","reason":"r"}""", "kind")]
    public async Task Bad_amounts_and_entries_are_400_on_the_field_and_nothing_is_posted(string body, string field)
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);

        var (status, problem) = await BillingCalls.PostEntryAsync(api, patientId, billing, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem["errors"]?[field] is not null, problem.ToJsonString());
        Assert.Empty(await BillingCalls.ActivityAsync(api, patientId, patient));
    }
}
