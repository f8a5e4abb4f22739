using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use case: someone signed in asks for caregiver access to a person who cannot invite them; documents follow (<see cref="AddRequestDocument"/>).</summary>
public sealed class RequestProxyAccess(IProxyRequests requests, IRequestReplays replays, ProxyRequestAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>The Idempotency-Key operation name.</summary>
    public const string Operation = "proxy-request";

    /// <summary>The filed request; 400 for bad fields, 409 for a reused Idempotency-Key.</summary>
    public async Task<Result<ProxyRequest>> ExecuteAsync(Caller caller, NewProxyRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (errors, scopes) = ProxyRequestRules.Check(request, ClinicClock.DateOf(rules.ClinicZone, now));
        if (!IdempotencyKeys.IsValidOrAbsent(idempotencyKey))
        {
            errors[IdempotencyKeys.Field] = [IdempotencyKeys.Rule];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var claimed = await replays.ClaimAsync(
            caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(request), () => Guid.NewGuid().ToString("N"), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await requests.FindAsync(replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier.Value;
        }

        var filed = new ProxyRequest(
            replay.ResourceId, caller.Subject, request.RequesterName!.Trim(), request.Email, request.Phone, request.PatientName!.Trim(), request.PatientBirthDate!.Value,
            request.PatientMrn?.Trim(), request.Relationship!, request.Basis!, request.Explanation?.Trim(), scopes, replay.CreatedAt, []);
        await requests.CreateAsync(filed, cancellationToken);
        await access.RecordAsync(ProxyRequestAccess.Visit(caller, filed.RequestId, "proxy-requests.file", "proxy-requests", reviewer: false), true, cancellationToken);
        return filed;
    }
}
