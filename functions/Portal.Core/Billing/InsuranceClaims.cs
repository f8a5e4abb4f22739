using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use cases: the billing office enters or updates a visit's claim (ETag-guarded), or imports a batch from the
/// clearinghouse's JSON; the patient's side reads each claim with a plain-language explanation of benefits.
/// </summary>
public sealed class InsuranceClaims(IClaims claims, ILedger ledger, ChartAccess access, IOptions<BillingOptions> billing, StatementCalendar calendar, TimeProvider clock)
{
    /// <summary>The most claims one import takes.</summary>
    public const int MaxBatch = 100;

    /// <summary>The patient's claims, newest visit first, each explained.</summary>
    public async Task<Result<ExplainedClaim[]>> ListAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing/claims", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = await claims.ListAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return all.OrderByDescending(c => c.ServiceDate).ThenBy(c => c.ClaimId, StringComparer.Ordinal).Select(c => new ExplainedClaim(c, ClaimRules.Explain(c))).ToArray();
    }

    /// <summary>Creates the claim, or updates it with the ETag read (428 without, 412 stale); Billing staff only.</summary>
    public async Task<Result<Versioned<ExplainedClaim>>> SaveAsync(
        Caller caller, string patientId, string claimId, ClaimUpdate update, string? ifMatch, CancellationToken cancellationToken)
    {
        var visit = await OpenForBillingAsync(caller, patientId, claimId, cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await WriteAsync(visit.Value, claimId, update, ifMatch ?? "", "", cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    /// <summary>Imports up to <see cref="MaxBatch"/> claims (each overwrites the stored one); each answers on its own, audited per patient.</summary>
    public async Task<Result<ImportResult[]>> ImportAsync(Caller caller, IReadOnlyList<ImportedClaim> batch, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(AppRoles.Billing))
        {
            return new Failure(FailureKind.Forbidden, "Only the billing office imports claims.");
        }

        if (batch.Count is 0 or > MaxBatch)
        {
            return Failure.Invalid("body", $"1 to {MaxBatch} claims.");
        }

        var results = new List<ImportResult>();
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            var visit = await OpenForBillingAsync(caller, item.PatientId, item.ClaimId, cancellationToken);
            if (!visit.Succeeded)
            {
                results.Add(new ImportResult(item.PatientId, item.ClaimId, ImportOutcome.NotFound, null));
                continue;
            }

            var written = await WriteAsync(visit.Value, item.ClaimId, item.Claim, "*", $"[{i}].claim.", cancellationToken);
            await access.RecordAsync(visit.Value, written.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
            results.Add(written.Succeeded
                ? new ImportResult(item.PatientId, item.ClaimId, ImportOutcome.Saved, null)
                : new ImportResult(item.PatientId, item.ClaimId, written.Failure.Kind == FailureKind.NotFound ? ImportOutcome.NotFound : ImportOutcome.Invalid, written.Failure.Errors));
        }

        return results.ToArray();
    }

    private Task<Result<ChartVisit>> OpenForBillingAsync(Caller caller, string patientId, string claimId, CancellationToken cancellationToken) =>
        access.OpenForOfficeAsync(caller, patientId, $"patients/{patientId}/billing/claims/{claimId}", "Only the billing office enters claims.", cancellationToken);

    private async Task<Result<Versioned<ExplainedClaim>>> WriteAsync(ChartVisit visit, string claimId, ClaimUpdate update, string ifMatch, string prefix, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var read = ClaimRules.Read(visit.PatientId, claimId, update, billing.Value.Currency, now, visit.Caller.Subject, calendar.ClinicDate(now), prefix);
        if (!read.Succeeded)
        {
            return read.Failure;
        }

        if (ifMatch != "*")
        {
            var current = await claims.FindAsync(visit.PatientId, claimId, cancellationToken);
            if (current is not null && ifMatch.Length == 0)
            {
                return new Failure(FailureKind.PreconditionRequired, "The claim exists: send its ETag in If-Match to change it.");
            }

            if (current is null && await ledger.FindAccountAsync(visit.PatientId, billing.Value.Currency, cancellationToken) is null)
            {
                return Failure.NotFound("The patient");
            }

            ifMatch = current is null ? "" : ifMatch;
        }
        else if (await ledger.FindAccountAsync(visit.PatientId, billing.Value.Currency, cancellationToken) is null)
        {
            return Failure.NotFound("The patient");
        }

        try
        {
            var eTag = await claims.SaveAsync(read.Value, ifMatch.Length == 0 ? null : ifMatch, cancellationToken);
            return new Versioned<ExplainedClaim>(new ExplainedClaim(read.Value, ClaimRules.Explain(read.Value)), eTag);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The claim changed since you read it; read it again and reapply your change.");
        }
    }
}

/// <summary>A claim with its plain-language explanation of benefits.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Explanation">What it means for the patient, in plain words.</param>
public sealed record ExplainedClaim(InsuranceClaim Claim, string Explanation);

/// <summary>What became of one imported claim.</summary>
public enum ImportOutcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>Refused: see the field errors.</summary>
    Invalid,

    /// <summary>No such patient.</summary>
    NotFound,
}

/// <summary>One imported claim's outcome.</summary>
/// <param name="PatientId">The patient named.</param>
/// <param name="ClaimId">The claim number.</param>
/// <param name="Outcome">Saved, invalid or not found.</param>
/// <param name="Errors">Field errors (paths within the batch) when invalid.</param>
public sealed record ImportResult(string PatientId, string ClaimId, ImportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors);
