using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Billing;
using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.IntegrationTests.Billing;

/// <summary>
/// The statement timer's use case over the test portal's real adapters, at a chosen time, seeing only the given
/// patients' rows of the (real) open-balance index, so parallel tests' patients are not closed under them.
/// </summary>
internal static class StatementRun
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Only(IOpenBalances inner, IReadOnlySet<string> patients) : IOpenBalances
    {
        public async Task<IReadOnlyList<OpenBalance>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            [.. (await inner.DueAsync(now, int.MaxValue, cancellationToken)).Where(r => patients.Contains(r.PatientId)).Take(max)];

        public Task MoveAsync(string patientId, DateTimeOffset due, CancellationToken cancellationToken) => inner.MoveAsync(patientId, due, cancellationToken);

        public Task DropAsync(OpenBalance row, CancellationToken cancellationToken) => inner.DropAsync(row, cancellationToken);
    }

    /// <summary>A time in next month's cycle, well after any row the tests write now.</summary>
    public static DateTimeOffset NextMonth => DateTimeOffset.UtcNow.AddDays(40);

    public static async Task<int> CloseAsync(DateTimeOffset at, params string[] patients)
    {
        var services = (await TestPortal.GetAsync()).Services;
        var billing = services.GetRequiredService<IOptions<BillingOptions>>();
        var clinic = services.GetRequiredService<IOptions<ClinicOptions>>();
        var close = new CloseStatements(
            services.GetRequiredService<ILedger>(),
            services.GetRequiredService<IStatements>(),
            new Only(services.GetRequiredService<IOpenBalances>(), patients.ToHashSet()),
            services.GetRequiredService<IStatementRenderer>(),
            services.GetRequiredService<IProfiles>(),
            new StatementCalendar(billing, clinic),
            services.GetRequiredService<PayLinkTokens>(),
            services.GetRequiredService<INoticeQueue>(),
            billing,
            clinic,
            new Clock(at),
            NullLogger<CloseStatements>.Instance);
        return await close.ExecuteAsync(default);
    }

    public static async Task<IReadOnlyList<OpenBalance>> IndexRowsAsync(DateTimeOffset at, string patientId) =>
        [.. (await (await TestPortal.GetAsync()).Services.GetRequiredService<IOpenBalances>().DueAsync(at, int.MaxValue, default)).Where(r => r.PatientId == patientId)];
}
