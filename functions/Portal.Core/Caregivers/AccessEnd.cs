using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;

namespace Portal.Core.Caregivers;

/// <summary>A grant's end date: access lasts through the chosen day on the clinic's clocks.</summary>
public static class AccessEnd
{
    /// <summary>The instant access ends (midnight after the day, clinic zone), or a field error for a day already past.</summary>
    public static Result<DateTimeOffset?> Parse(DateOnly? lastDay, DateTimeOffset now, ProxyRules rules, string field = "accessEndsOn")
    {
        if (lastDay is not { } day)
        {
            return (DateTimeOffset?)null;
        }

        if (day < ClinicClock.DateOf(rules.ClinicZone, now))
        {
            return Failure.Invalid(field, "The last day of access cannot be in the past.");
        }

        return (DateTimeOffset?)ClinicClock.At(rules.ClinicZone, day.AddDays(1), TimeOnly.MinValue);
    }
}
