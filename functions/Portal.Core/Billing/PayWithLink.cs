using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: paying a statement without signing in, with the token from its pay link. The token shows only the clinic's
/// name, the statement date and the amount due (no name, no lines) and starts the same checkout as the portal. It is
/// dead once the statement is paid in full, replaced by a newer statement, or expired. Wrong tokens are counted per
/// address and refused with 429 after <see cref="MaxFailures"/>; every use of a genuine link is audited against the patient.
/// </summary>
public sealed partial class PayWithLink(
    PayLinkTokens tokens, IPayLinks links, ILedger ledger, IStatements statements, StartPayment payments, IAuditLog audit,
    IOptions<BillingOptions> billing, IOptions<ClinicOptions> clinic, TimeProvider clock, ILogger<PayWithLink> logger)
{
    /// <summary>Wrong tokens an address may send per <see cref="Window"/>.</summary>
    public const int MaxFailures = 10;

    /// <summary>The rate limit's window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>What the link shows; 404 not a link, 410 paid, replaced or expired, 429 too many wrong tokens.</summary>
    public async Task<Result<PayLinkSummary>> ViewAsync(string token, string? clientIp, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(token, clientIp, "billing.read", cancellationToken);
        return opened.Succeeded ? new PayLinkSummary(clinic.Value.Name, opened.Value.Statement.StatementDate, opened.Value.AmountDue) : opened.Failure;
    }

    /// <summary>A checkout for the amount due; the same Idempotency-Key gives the same checkout.</summary>
    public async Task<Result<CheckoutSession>> CheckoutAsync(string token, string? clientIp, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.IsValidOrAbsent(idempotencyKey))
        {
            return Failure.Invalid(IdempotencyKeys.Field, IdempotencyKeys.Rule);
        }

        var opened = await OpenAsync(token, clientIp, "billing.write", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var link = opened.Value.Link;
        var key = idempotencyKey is null
            ? "paylink-" + Guid.NewGuid().ToString("N")
            : "paylink-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{link.LinkId}\n{idempotencyKey}")));
        return await payments.StartAsync(link.PatientId, opened.Value.AmountDue, key, link.LinkId, cancellationToken);
    }

    private async Task<Result<(PayLink Link, Statement Statement, Money AmountDue)>> OpenAsync(string token, string? clientIp, string action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var address = clientIp ?? "unknown";
        if (await links.FailuresAsync(address, now, Window, cancellationToken) >= MaxFailures)
        {
            return new Failure(FailureKind.TooManyAttempts, "Too many links that do not work from here; try again later, or sign in to the portal.");
        }

        var read = tokens.Read(token);
        var link = read is { } genuine ? await links.FindAsync(genuine.LinkId, cancellationToken) : null;
        if (link is null)
        {
            await links.RecordFailureAsync(address, now, Window, cancellationToken);
            LogWrongToken(logger);
            return Failure.NotFound("The payment link");
        }

        var outcome = await CheckAsync(link with { ExpiresAt = read!.Value.ExpiresAt < link.ExpiresAt ? read.Value.ExpiresAt : link.ExpiresAt }, now, cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(now, $"paylink:{link.LinkId}", "Pay link (no sign-in)", "pay-link", null, link.PatientId, action, $"pay/{link.LinkId}",
                outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, clientIp, Activity.Current?.TraceId.ToString()),
            cancellationToken);
        return outcome;
    }

    private async Task<Result<(PayLink Link, Statement Statement, Money AmountDue)>> CheckAsync(PayLink link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (link.ExpiresAt <= now)
        {
            return new Failure(FailureKind.Gone, "This payment link has expired. Sign in to the portal to pay, or call the clinic.");
        }

        var account = (await ledger.FindAccountAsync(link.PatientId, billing.Value.Currency, cancellationToken))?.Account;
        var statement = await statements.FindAsync(link.PatientId, link.StatementId, cancellationToken);
        if (account is null || statement is null)
        {
            return Failure.NotFound("The payment link");
        }

        return account.LastStatementId != link.StatementId || !account.AmountDue.IsPositive
            ? new Failure(FailureKind.Gone, "This statement is paid, or a newer statement replaced it. Thank you.")
            : (link, statement, account.AmountDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A payment link that is not one was tried.")]
    private static partial void LogWrongToken(ILogger logger);
}

/// <summary>All a pay link shows: whom, which statement, how much. No name and no lines.</summary>
/// <param name="ClinicName">Who is owed.</param>
/// <param name="StatementDate">The statement's date.</param>
/// <param name="AmountDue">What is still due on it.</param>
public sealed record PayLinkSummary(string ClinicName, DateOnly StatementDate, Money AmountDue);
