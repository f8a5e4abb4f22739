using Portal.Core.Record;

namespace Portal.Tests.Record;

/// <summary>What a clinician may write through the portal API.</summary>
public class PublishingRulesTests
{
    private static readonly VisitSummaryRequest Visit = new(
        new DateTimeOffset(2026, 2, 27, 9, 30, 0, TimeSpan.FromHours(-6)), null, "Office visit", VisitClass.Ambulatory, "Dr. Patel", null, "Check-up",
        [new VisitDiagnosis("Essential hypertension")], "All good.", ["Walk daily."], [new FollowUp("Return in 3 months", "2026-05-27")]);

    private static readonly NewMedication Medication = new("Amlodipine 5 MG Oral Tablet", "197361", "1 tablet daily", null, "2026-02-27", null, 3, 30, null);

    [Fact]
    public void Complete_requests_pass()
    {
        Assert.True(PublishingRules.Validate(Visit).IsEmpty);
        Assert.True(PublishingRules.Validate(Medication).IsEmpty);
        Assert.True(PublishingRules.Validate(new MedicationEnd(MedicationStatus.Completed)).IsEmpty);
    }

    [Fact]
    public void Each_broken_rule_names_its_field()
    {
        var visit = PublishingRules.Validate(Visit with { Summary = " ", End = Visit.Start.AddHours(-1), FollowUps = [new FollowUp("x", "soon")] }).ToFailure()!.Errors!;
        var medication = PublishingRules.Validate(Medication with { Start = "27/02/2026", RxNormCode = "RX-1", RefillsRemaining = 100, VisitId = "visit-1" }).ToFailure()!.Errors!;
        var end = PublishingRules.Validate(new MedicationEnd(MedicationStatus.Active)).ToFailure()!.Errors!;

        Assert.Equal(["end", "followUps[0].due", "summary"], visit.Keys.Order());
        Assert.Equal(["refillsRemaining", "rxNormCode", "start", "visitId"], medication.Keys.Order());
        Assert.Equal(["status"], end.Keys);
    }
}
