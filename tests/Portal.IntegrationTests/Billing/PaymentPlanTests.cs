using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Billing;
using Portal.Core.Clinic;
using Portal.Core.Identity;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>Payment plans: the schedule, payments counting toward it, and missed instalments the billing office sees.</summary>
public class PaymentPlanTests
{
    [Fact]
    public async Task A_patient_splits_the_balance_into_instalments_payments_count_and_a_late_one_shows_as_missed_to_staff()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("300.01"));
        var plan = $"api/patients/{patientId}/billing/plan";

        Assert.Equal(HttpStatusCode.NotFound, (await BillingCalls.SendAsync(api, HttpMethod.Get, plan, patient)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await BillingCalls.SendAsync(api, HttpMethod.Post, plan, patient, new { instalments = 7 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await BillingCalls.SendAsync(api, HttpMethod.Post, plan, billing, new { instalments = 3 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await BillingCalls.SendAsync(api, HttpMethod.Post, plan, await api.CaregiverAsync(patientId, "billing.read"), new { instalments = 3 })).Status);

        var chosen = await BillingCalls.SendAsync(api, HttpMethod.Post, plan, patient, new { instalments = 3 });
        Assert.Equal(HttpStatusCode.Created, chosen.Status);
        var instalments = chosen.Body["instalments"]!.AsArray();
        Assert.Equal([10001L, 10000L, 10000L], instalments.Select(i => BillingCalls.Minor(i!["amount"])));
        var dueDates = instalments.Select(i => DateOnly.Parse(i!["dueDate"]!.GetValue<string>())).ToList();
        Assert.Equal([dueDates[0], dueDates[0].AddMonths(1), dueDates[0].AddMonths(2)], dueDates);
        Assert.Equal(HttpStatusCode.Conflict, (await BillingCalls.SendAsync(api, HttpMethod.Post, plan, patient, new { instalments = 2 })).Status);

        // The first instalment is paid online; the plan counts it.
        await PaymentStoryTests.CompleteAsync(api, (await PaymentStoryTests.StartAsync(api, patientId, patient, "100.01")).Body);
        var now = await BillingCalls.GetAsync(api, plan, billing);
        Assert.Equal(["paid", "upcoming", "upcoming"], now["instalments"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
        Assert.Equal(0, (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient))["plan"]!["missed"]!.GetValue<int>());

        // Past the second due date with nothing more paid: the billing office sees it missed.
        var services = (await TestPortal.GetAsync()).Services;
        var late = new PaymentPlans(services.GetRequiredService<ILedger>(), services.GetRequiredService<ChartAccess>(), services.GetRequiredService<IOptions<BillingOptions>>(),
            services.GetRequiredService<StatementCalendar>(), new Later(dueDates[1].AddDays(2)));
        var seen = await late.GetAsync(new Caller("billing-late", "Billing", new HashSet<string> { AppRoles.Billing }, false), patientId, default);
        Assert.Equal([InstalmentStatus.Paid, InstalmentStatus.Missed, InstalmentStatus.Upcoming], seen.Value!.Statuses);
        Assert.Equal(1, seen.Value.Missed);
    }

    private sealed class Later(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
    }
}
