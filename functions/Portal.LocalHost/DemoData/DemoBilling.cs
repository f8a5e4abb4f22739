using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Azure.Billing;
using Portal.Core.Billing;
using Portal.Core.Clinic;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Bills for the new demo patients, through the real use cases by the real people: the billing office (Grace Kim)
/// posts each visit's charges with their CPT/HCPCS codes and the insurers' payments and contractual adjustments, and
/// records each visit's claim as the insurer decided it (paid, or left to the patient's deductible); the
/// month's statements are closed for Ana, Benjamin and Chloe; Benjamin then pays his in full online (through the
/// development provider and the signed webhook, as a card payment would arrive); Chloe chooses a three-month plan.
/// David's visit waits for next month's statement; Leo's was paid in full by his insurer.
/// </summary>
internal static class DemoBilling
{
    private sealed record Line(string Patient, int DaysAgo, LedgerEntryKind Kind, string Amount, string? Code, string Description, string Reason);

    private static readonly Line[] Lines =
    [
        new("patient-ana", 34, LedgerEntryKind.Charge, "185.00", "99214", "Office visit, established patient (moderate)", "Visit coded by Dr. Chen"),
        new("patient-ana", 34, LedgerEntryKind.Charge, "45.00", "85025", "Complete blood count", "Lab drawn at the visit"),
        new("patient-ana", 20, LedgerEntryKind.InsurancePayment, "150.00", null, "Payment from Blue Cross Blue Shield of Illinois", "ERA 884512, claim paid"),
        new("patient-ana", 20, LedgerEntryKind.Adjustment, "20.00", null, "Contractual adjustment (Blue Cross Blue Shield of Illinois)", "Allowed amount per ERA 884512"),
        new("patient-ben", 41, LedgerEntryKind.Charge, "175.00", "G0439", "Medicare annual wellness visit", "Visit coded by Dr. Okonkwo"),
        new("patient-ben", 41, LedgerEntryKind.Charge, "60.00", "93000", "Electrocardiogram (ECG) with interpretation", "ECG at the wellness visit"),
        new("patient-ben", 25, LedgerEntryKind.InsurancePayment, "176.00", null, "Payment from Medicare", "Medicare remittance 2291"),
        new("patient-ben", 25, LedgerEntryKind.Adjustment, "24.00", null, "Medicare contractual adjustment", "Allowed amount per remittance 2291"),
        new("patient-chloe", 30, LedgerEntryKind.Charge, "160.00", "99203", "Office visit, new patient", "Visit coded by Priya Patel, NP"),
        new("patient-chloe", 30, LedgerEntryKind.Charge, "30.00", "87880", "Rapid strep test", "Point-of-care test at the visit"),
        new("patient-chloe", 30, LedgerEntryKind.Charge, "25.00", "90686", "Flu vaccine", "Given at the visit"),
        new("patient-chloe", 16, LedgerEntryKind.InsurancePayment, "25.00", null, "Payment from Aetna", "Aetna EOB: vaccine covered, visit applied to deductible"),
        new("patient-david", 8, LedgerEntryKind.Charge, "125.00", "99213", "Office visit, established patient (low)", "Visit coded by Dr. Okonkwo"),
        new("patient-david", 3, LedgerEntryKind.InsurancePayment, "95.00", null, "Payment from UnitedHealthcare", "ERA 77120, claim paid"),
        new("patient-leo", 12, LedgerEntryKind.Charge, "150.00", "99393", "Well-child visit, age 5 to 11", "Visit coded by Dr. Chen"),
        new("patient-leo", 5, LedgerEntryKind.InsurancePayment, "150.00", null, "Payment from Blue Cross Blue Shield of Illinois", "ERA 884513, paid in full"),
    ];

    private static readonly string[] WithStatements = ["patient-ana", "patient-ben", "patient-chloe"];

    // What each insurer decided, as the clearinghouse reported it (the ledger lines above carry the money).
    private static readonly (string Patient, string ClaimId, int DaysAgo, ClaimUpdate Claim)[] Claims =
    [
        ("patient-ana", "CLM-24001", 34, new("visit-ana-1", default, "Blue Cross Blue Shield of Illinois", ClaimStatus.Paid, "230.00", "XOJ884512701", null, "210.00", "150.00", "20.00", "60.00")),
        ("patient-ben", "CLM-24002", 41, new("visit-ben-1", default, "Medicare", ClaimStatus.Paid, "235.00", "1EG4TE5MK72", null, "211.00", "176.00", "24.00", "35.00")),
        ("patient-chloe", "CLM-24003", 30, new("visit-chloe-1", default, "Aetna", ClaimStatus.PatientResponsibility, "215.00", "W219384756", null, "215.00", "25.00", "0", "190.00")),
        ("patient-david", "CLM-24004", 8, new("visit-david-1", default, "UnitedHealthcare", ClaimStatus.Paid, "125.00", "UHC77120394", null, "125.00", "95.00", "0", "30.00")),
        ("patient-leo", "CLM-24005", 12, new("visit-leo-1", default, "Blue Cross Blue Shield of Illinois", ClaimStatus.Paid, "150.00", "XOJ884512702", null, "150.00", "150.00", "0", "0")),
    ];

    /// <summary>Posts the bills of the patients created by this seed run, closes their statements, and pays and plans.</summary>
    public static async Task<string?> SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        if (createdPatients.Count == 0)
        {
            return null;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var post = services.GetRequiredService<PostLedgerEntry>();
        var office = DemoPeople.Staff.Single(s => s.Roles.Contains(AppRoles.Billing));
        var billing = new Caller(office.Subject, office.Name, office.Roles.ToHashSet(), HasMfa: true);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var number = 0;
        foreach (var line in Lines.Where(l => createdPatients.ContainsKey(l.Patient)))
        {
            var entry = new NewLedgerEntry(line.Kind, line.Amount, line.Description, line.Kind == LedgerEntryKind.Charge ? today.AddDays(-line.DaysAgo) : null,
                null, line.Code, line.Reason);
            var posted = await post.ExecuteAsync(billing, createdPatients[line.Patient], entry, $"demo-bill-{line.Patient}-{++number}", cancellationToken);
            if (!posted.Succeeded)
            {
                throw new InvalidOperationException($"Demo bill for {line.Patient} was refused: {posted.Failure.Detail}");
            }
        }

        var claims = services.GetRequiredService<InsuranceClaims>();
        foreach (var (patient, claimId, daysAgo, claim) in Claims.Where(c => createdPatients.ContainsKey(c.Patient)))
        {
            var saved = await claims.SaveAsync(billing, createdPatients[patient], claimId, claim with { ServiceDate = today.AddDays(-daysAgo) }, null, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo claim for {patient} was refused: {saved.Failure.Detail}");
            }
        }

        var statements = WithStatements.Where(createdPatients.ContainsKey).Select(p => createdPatients[p]).ToHashSet();
        await CloseStatementsNowAsync(services, statements, cancellationToken);
        if (createdPatients.TryGetValue("patient-ben", out var ben))
        {
            await PayInFullAsync(services, ben, cancellationToken);
        }

        if (createdPatients.TryGetValue("patient-chloe", out var chloe))
        {
            var plan = await services.GetRequiredService<PaymentPlans>().StartAsync(Patient("patient-chloe"), chloe, 3, cancellationToken);
            if (!plan.Succeeded)
            {
                throw new InvalidOperationException($"Demo payment plan was refused: {plan.Failure.Detail}");
            }
        }

        return "Bills (with each visit's insurance claim): Ana owes her statement, Benjamin paid his in full online, Chloe pays hers in 3 instalments, David's visit is on next month's statement, Leo's insurer paid in full. Statement PDFs: GET /api/patients/{id}/billing/statements.";
    }

    // This month's statements for the demo, now: the real close, told that these patients are due.
    private static Task CloseStatementsNowAsync(IServiceProvider services, IReadOnlySet<string> patients, CancellationToken cancellationToken)
    {
        var billing = services.GetRequiredService<IOptions<BillingOptions>>();
        var clinic = services.GetRequiredService<IOptions<ClinicOptions>>();
        var close = new CloseStatements(
            services.GetRequiredService<ILedger>(), services.GetRequiredService<IStatements>(), new DueNow(services.GetRequiredService<IOpenBalances>(), patients),
            services.GetRequiredService<IStatementRenderer>(), services.GetRequiredService<IProfiles>(), services.GetRequiredService<StatementCalendar>(),
            services.GetRequiredService<PayLinkTokens>(), services.GetRequiredService<INoticeQueue>(), billing, clinic, services.GetRequiredService<TimeProvider>(),
            NullLogger<CloseStatements>.Instance);
        return close.ExecuteAsync(cancellationToken);
    }

    // Benjamin pays online when the development provider runs the app's payments (the usual local setup), else by check.
    private static async Task PayInFullAsync(IServiceProvider services, string patientId, CancellationToken cancellationToken)
    {
        var due = (await services.GetRequiredService<GetBilling>().ExecuteAsync(Patient("patient-ben"), patientId, cancellationToken)).Value!.Account.AmountDue;
        if (services.GetService<DevelopmentPayments>() is { } development)
        {
            var checkout = await services.GetRequiredService<StartPayment>().ExecuteAsync(Patient("patient-ben"), patientId, due.ToDecimalText(), "demo-ben-statement", cancellationToken);
            var (status, _) = await development.CompleteAsync(checkout.Value!.SessionId, cancellationToken);
            if (status == 200)
            {
                return;
            }
        }

        var office = DemoPeople.Staff.Single(s => s.Roles.Contains(AppRoles.Billing));
        await services.GetRequiredService<PostLedgerEntry>().ExecuteAsync(
            new Caller(office.Subject, office.Name, office.Roles.ToHashSet(), HasMfa: true), patientId,
            new NewLedgerEntry(LedgerEntryKind.PatientPayment, due.ToDecimalText(), "Check payment — thank you", null, null, null, "Check #1042 received by mail"),
            "demo-ben-check", cancellationToken);
    }

    private static Caller Patient(string subject)
    {
        var patient = DemoPeople.Patients.Single(p => p.Subject == subject);
        return new Caller(subject, $"{patient.GivenName} {patient.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: true);
    }

    private sealed class DueNow(IOpenBalances inner, IReadOnlySet<string> patients) : IOpenBalances
    {
        public Task<IReadOnlyList<OpenBalance>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OpenBalance>>([.. patients.Take(max).Select(p => new OpenBalance(p, now, "*"))]);

        public Task MoveAsync(string patientId, DateTimeOffset due, CancellationToken cancellationToken) => inner.MoveAsync(patientId, due, cancellationToken);

        public Task DropAsync(OpenBalance row, CancellationToken cancellationToken) => inner.DropAsync(row, cancellationToken);
    }
}
