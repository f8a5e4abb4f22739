using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use case: the reviewers' queue of open requests, oldest first.</summary>
public sealed class ListProxyRequests(IProxyRequests requests)
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 403 for anyone but the front desk and administrators.</summary>
    public async Task<Result<Page<ProxyRequest>>> ExecuteAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (AccessPolicy.DecideProxyRequests(caller) != AccessDecision.Allow)
        {
            return new Failure(FailureKind.Forbidden, "The front desk and administrators review requests for caregiver access.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        try
        {
            return await requests.ListOpenAsync(pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }
    }
}
