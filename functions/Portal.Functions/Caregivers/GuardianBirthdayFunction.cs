using Microsoft.Azure.Functions.Worker;
using Portal.Core.Caregivers;

namespace Portal.Functions.Caregivers;

/// <summary>Hourly: ends parents' and guardians' grants on the patient's 18th birthday (clinic zone), reading only that day's birthdays.</summary>
public sealed class GuardianBirthdayFunction(EndGuardianGrantsAtAdulthood endGrants)
{
    // Hourly, so the clinic's midnight is met within the hour in any zone; a run finds nothing twice.
    [Function("EndGuardianGrantsAtAdulthood")]
    public Task Run([TimerTrigger("0 7 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        endGrants.ExecuteAsync(cancellationToken);
}
