using Portal.Core.Labs;
using Portal.Core.Labs.Results;

namespace Portal.Tests.Labs;

public class ReleaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static LabResult Result(ResultCategory category) => new(
        "p", "r", "lab", "o", "22634-0", "Pathology", category, LabResultStatus.Final, Now, Now, Now, null, null, [], 1, 1, [],
        ReleaseState.Released, null, null, [], null, null, [], []);

    [Fact]
    public void Without_a_patient_choice_a_result_is_released_at_once()
    {
        var released = ReleaseRules.OnArrival(Result(ResultCategory.Pathology), ResultHoldPreferences.None, Now);

        Assert.Equal((ReleaseState.Released, Now, (ResultHold?)null), (released.Release, released.ReleasedAt, released.Hold));
    }

    [Fact]
    public void The_patients_choice_holds_only_its_category_and_never_longer_than_seven_days()
    {
        var choice = new ResultHoldPreferences([new CategoryHold(ResultCategory.Pathology, 30)], "patient-subject", Now);

        var pathology = ReleaseRules.OnArrival(Result(ResultCategory.Pathology), choice, Now);
        var general = ReleaseRules.OnArrival(Result(ResultCategory.General), choice, Now);

        Assert.Equal((ReleaseState.HeldByPatientChoice, Now.AddDays(7), "patient-subject"), (pathology.Release, pathology.Hold!.Until, pathology.Hold.By));
        Assert.Equal("held", Assert.Single(pathology.HoldHistory).Action);
        Assert.Equal(ReleaseState.Released, general.Release);
    }

    [Fact]
    public void A_clinician_releases_a_held_result_with_a_comment_kept_in_its_history()
    {
        var held = ReleaseRules.ClinicianHold(Result(ResultCategory.General), "Discuss first.", Now.AddDays(3), "dr", "Dr Chen", Now);

        var released = ReleaseRules.Release(held, "released", "dr", "Dr Chen", "Normal, no action needed.", Now.AddHours(1));

        Assert.Equal((ReleaseState.Released, "Normal, no action needed."), (released.Release, released.Comment!.Text));
        Assert.Equal(["held", "released"], released.HoldHistory.Select(h => h.Action));
    }

    [Theory]
    [InlineData(LabResultStatus.Final, LabResultStatus.Preliminary, true)]
    [InlineData(LabResultStatus.Corrected, LabResultStatus.Preliminary, true)]
    [InlineData(LabResultStatus.Preliminary, LabResultStatus.Final, false)]
    [InlineData(LabResultStatus.Final, LabResultStatus.Corrected, false)]
    [InlineData(LabResultStatus.Final, LabResultStatus.Cancelled, false)]
    public void A_late_preliminary_never_replaces_a_final_result(LabResultStatus current, LabResultStatus incoming, bool stale) =>
        Assert.Equal(stale, LabResultVersions.IsStale(current, incoming));
}
