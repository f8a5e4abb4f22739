using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: a reviewer (front desk, administrator) approves a request — matched to a patient, with the scopes and end
/// date they decide — or denies it with a reason. The decision is recorded on the request first (documents kept), then
/// an approval's grant is written like any other (both told); a retry of an approval writes the very same grant. Audited
/// in the request's trail and, for an approval, in the patient's access log.
/// </summary>
public sealed class DecideProxyRequest(
    IProxyRequests requests, IProxyGrants grants, GrantWrites writes, IProfiles profiles, ProxyRequestAccess requestAccess, ChartAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>The decided request; 400, 401 (MFA), 403, 404, 409 (decided otherwise).</summary>
    public async Task<Result<ProxyRequest>> ExecuteAsync(Caller caller, string requestId, ProxyRequestReview review, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var checkedReview = Check(review, now);
        if (!checkedReview.Succeeded)
        {
            return checkedReview.Failure;
        }

        if (AccessPolicy.DecideProxyRequests(caller) != AccessDecision.Allow)
        {
            await requestAccess.RecordAsync(ProxyRequestAccess.Visit(caller, requestId, "proxy-requests.decide", $"proxy-requests/{requestId}/decision", false), false, cancellationToken);
            return new Failure(FailureKind.Forbidden, "The front desk and administrators review requests for caregiver access.");
        }

        var opened = await requestAccess.OpenAsync(caller, requestId, "proxy-requests.decide", $"proxy-requests/{requestId}/decision", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var outcome = caller.HasMfa
            ? await DecideAsync(caller, opened.Value.Request, review, checkedReview.Value, now, cancellationToken)
            : new Failure(FailureKind.StepUpRequired, "Deciding a request for caregiver access needs multi-factor sign-in.");
        await requestAccess.RecordAsync(opened.Value.Visit, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    private Result<(IReadOnlyList<string> Scopes, DateTimeOffset? Ends)> Check(ProxyRequestReview review, DateTimeOffset now)
    {
        if (!review.Approve)
        {
            return string.IsNullOrWhiteSpace(review.Reason) || review.Reason.Length > ProxyRequestRules.MaxTextLength
                ? Failure.Invalid("reason", $"Say why, in 1 to {ProxyRequestRules.MaxTextLength} characters: the requester is told.")
                : ((IReadOnlyList<string>)[], (DateTimeOffset?)null);
        }

        if (string.IsNullOrWhiteSpace(review.PatientId))
        {
            return Failure.Invalid("patientId", "The patient the request is about (search the patient index).");
        }

        var scopes = GrantScopes.Parse(review.Scopes);
        if (!scopes.Succeeded)
        {
            return scopes.Failure;
        }

        var ends = AccessEnd.Parse(review.AccessEndsOn, now, rules);
        return ends.Succeeded ? (scopes.Value!, ends.Value) : ends.Failure;
    }

    private async Task<Result<ProxyRequest>> DecideAsync(
        Caller caller, Versioned<ProxyRequest> found, ProxyRequestReview review, (IReadOnlyList<string> Scopes, DateTimeOffset? Ends) grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = found.Value;
        if (request.Decision is { } earlier)
        {
            // The same decision again (a retry) finishes what the first began; another one is a conflict.
            var same = earlier.Outcome == (review.Approve ? "approved" : "denied") && earlier.PatientId == (review.Approve ? review.PatientId : null);
            return !same ? new Failure(FailureKind.Conflict, $"This request was already {earlier.Outcome}.")
                : review.Approve ? await GrantAsync(request, earlier, cancellationToken)
                : request;
        }

        if (!review.Approve)
        {
            var denied = request with { Decision = new ProxyRequestDecision("denied", caller.Subject, caller.DisplayName ?? caller.Subject, now, null, null, null, null, review.Reason!.Trim()) };
            return await SaveAsync(denied, found.ETag, cancellationToken) ?? (Result<ProxyRequest>)denied;
        }

        var patientId = review.PatientId!;
        var approved = request with
        {
            Decision = new ProxyRequestDecision("approved", caller.Subject, caller.DisplayName ?? caller.Subject, now, patientId, Guid.NewGuid().ToString("N"), grant.Scopes, grant.Ends, null),
        };
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Proxies), $"patients/{patientId}/proxies", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if ((await profiles.FindAsync(patientId, cancellationToken))?.Value is null)
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.Invalid("patientId", "No patient has this id.");
        }

        if (await SaveAsync(approved, found.ETag, cancellationToken) is { } conflict)
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return conflict;
        }

        var granted = await GrantAsync(approved, approved.Decision, cancellationToken);
        await access.RecordAsync(visit.Value with { Action = "proxies.approve" }, granted.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return granted;
    }

    private async Task<Failure?> SaveAsync(ProxyRequest decided, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            await requests.UpdateAsync(decided, eTag, cancellationToken);
            return null;
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.Conflict, "The request changed meanwhile (a document was added, or another reviewer decided); read it again.");
        }
    }

    // Writes the approved grant unless it is already there (a retry).
    private async Task<Result<ProxyRequest>> GrantAsync(ProxyRequest request, ProxyRequestDecision decision, CancellationToken cancellationToken)
    {
        var patientId = decision.PatientId!;
        var existing = await grants.FindAsync(patientId, request.RequesterSubject, cancellationToken);
        if (existing?.Value.GrantId == decision.GrantId)
        {
            await writes.SaveAsync(new GrantWrite(existing!.Value, existing.ETag, TakesAccessAway: false, []), cancellationToken);
            return request;
        }

        var profile = (await profiles.FindAsync(patientId, cancellationToken))!.Value;
        var now = clock.GetUtcNow();
        var minor = AccessPolicy.BandOf(profile.BirthDate, now, rules) != AgeBand.Adult;
        var grant = new ProxyGrant(
            new PatientLink(request.RequesterSubject, patientId, LinkKind.Proxy, profile.DisplayName, decision.Scopes!, decision.AccessEndsAt, null, decision.GrantId,
                request.Relationship, profile.BirthDate, EndsAtAdulthood: minor),
            request.RequesterName, now, "request", request.RequestId);
        await writes.SaveAsync(new GrantWrite(grant, existing?.ETag, TakesAccessAway: false, GrantNotices.Started(grant, now)), cancellationToken);
        return request;
    }
}
