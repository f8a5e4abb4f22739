using Portal.Core.Access;
using Portal.Core.Caregivers;
using Portal.Core.Clinic;

namespace Portal.Tests.Caregivers;

/// <summary>The age bands in the one policy, against an injected clock in the clinic's zone (America/Chicago).</summary>
public sealed class AgeBandPolicyTests
{
    private static readonly ProxyRules Rules = new CaregiverOptions().ToRules(new ClinicOptions { TimeZone = "America/Chicago" });
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static PatientLink Guardian(DateOnly born, params string[] scopes) =>
        new("parent-1", "teen-1", LinkKind.Proxy, "Maya", scopes, null, null, "grant-1", "parent", born, EndsAtAdulthood: true);

    private static DateTimeOffset ChicagoTime(int year, int month, int day, int hour, int minute) =>
        ClinicClock.At(Chicago, new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static AccessDecision Decide(PatientLink link, Permission permission, DateTimeOffset now) =>
        AccessPolicy.Decide(Callers.Person("parent-1"), link, permission, now, Rules);

    [Fact]
    public void At_twelve_on_the_birthday_in_the_clinics_zone_results_and_most_of_the_record_close_to_the_guardian()
    {
        var link = Guardian(new DateOnly(2014, 3, 10), "results.read", "records.read", "appointments.write");
        var beforeMidnight = ChicagoTime(2026, 3, 9, 23, 59);
        var afterMidnight = ChicagoTime(2026, 3, 10, 0, 1);

        // 05:59 UTC on the 10th is still the 9th in Chicago: 11 years old.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 4, 59, 0, TimeSpan.Zero), beforeMidnight.ToUniversalTime());
        Assert.Equal(AgeBand.Child, AccessPolicy.AgeOf(link, beforeMidnight, Rules));
        Assert.Equal(AccessDecision.Allow, Decide(link, Permission.Read(DataCategory.Results), beforeMidnight));
        Assert.Null(AccessPolicy.LimitsOf(link, beforeMidnight, Rules)!.RecordSections);

        Assert.Equal(AgeBand.Adolescent, AccessPolicy.AgeOf(link, afterMidnight, Rules));
        Assert.Equal(AccessDecision.Forbidden, Decide(link, Permission.Read(DataCategory.Results), afterMidnight));
        Assert.Equal(AccessDecision.Allow, Decide(link, Permission.Read(DataCategory.Records), afterMidnight));
        Assert.Equal(AccessDecision.Allow, Decide(link, Permission.Change(DataCategory.Appointments), afterMidnight));
        Assert.Equal(AccessDecision.Forbidden, Decide(link, Permission.Change(DataCategory.Amendments), afterMidnight));
        var limits = AccessPolicy.LimitsOf(link, afterMidnight, Rules)!;
        Assert.Equal(["allergies", "immunizations"], limits.RecordSections!.Order());
        Assert.True(limits.OwnThreadsOnly);
    }

    [Fact]
    public void At_eighteen_a_guardians_grant_ends_at_midnight_in_the_clinics_zone_and_an_adults_own_caregiver_keeps_theirs()
    {
        var guardian = Guardian(new DateOnly(2008, 11, 2), "appointments.read");
        var invitedAsAdult = guardian with { EndsAtAdulthood = false };
        var before = ChicagoTime(2026, 11, 1, 23, 30);
        var after = ChicagoTime(2026, 11, 2, 0, 0);

        Assert.True(AccessPolicy.IsInForce(guardian, before, Rules));
        Assert.Equal(AccessDecision.Allow, Decide(guardian, Permission.Read(DataCategory.Appointments), before));
        Assert.False(AccessPolicy.IsInForce(guardian, after, Rules));
        Assert.Equal(AccessDecision.NotFound, Decide(guardian, Permission.Read(DataCategory.Appointments), after));
        Assert.Equal(AccessDecision.Allow, Decide(invitedAsAdult, Permission.Read(DataCategory.Appointments), after));
        Assert.Equal(AgeBand.Adult, AccessPolicy.AgeOf(invitedAsAdult, after, Rules));
        Assert.Null(AccessPolicy.LimitsOf(invitedAsAdult, after, Rules)!.RecordSections);
    }

    [Fact]
    public void Someone_born_on_29_february_turns_a_year_older_on_1_march_and_the_run_reads_that_day_then()
    {
        Assert.Equal(17, AccessPolicy.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(18, AccessPolicy.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1)));
        Assert.Equal(18, AccessPolicy.AgeOn(new DateOnly(2010, 2, 28), new DateOnly(2028, 2, 28)));
        Assert.Equal([(2, 28), (2, 29), (3, 1)], EndGuardianGrantsAtAdulthood.DaysToRead(new DateOnly(2026, 3, 1)));
        Assert.Equal([(2, 29), (3, 1)], EndGuardianGrantsAtAdulthood.DaysToRead(new DateOnly(2028, 3, 1)));
    }

    [Fact]
    public void A_caregiver_is_never_told_of_what_their_grant_does_not_let_them_see()
    {
        var teen = Guardian(new DateOnly(2011, 1, 1), "results.read", "messages.read", "billing.read");
        var now = ChicagoTime(2026, 6, 1, 12, 0);

        Assert.False(AccessPolicy.GrantCovers(teen, Permission.Read(DataCategory.Results), now, Rules));
        Assert.False(AccessPolicy.GrantCovers(teen, Permission.Read(DataCategory.Messages), now, Rules)); // the teen's own messages
        Assert.True(AccessPolicy.GrantCovers(teen, Permission.Read(DataCategory.Billing), now, Rules));
    }

    [Fact]
    public void The_clinic_configures_what_guardians_of_adolescents_see_and_a_wrong_name_is_caught()
    {
        var options = new CaregiverOptions { AdolescentGuardianSees = ["appointments", "medications", "vaccines"] };
        Assert.Equal(["vaccines"], options.Unknown());

        var rules = new CaregiverOptions { AdolescentGuardianSees = ["appointments", "medications"] }.ToRules(new ClinicOptions());
        var teen = Guardian(new DateOnly(2011, 1, 1), "records.read", "billing.read") with { Subject = "parent-1" };
        var now = ChicagoTime(2026, 6, 1, 12, 0);
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(Callers.Person("parent-1"), teen, Permission.Read(DataCategory.Billing), now, rules));
        Assert.Equal(["medications"], AccessPolicy.LimitsOf(teen, now, rules)!.RecordSections!);
    }
}
